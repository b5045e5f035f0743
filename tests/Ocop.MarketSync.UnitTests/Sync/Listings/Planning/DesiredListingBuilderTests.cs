using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Listings.Planning;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Sync.Listings.Planning;

/// <summary>
/// The desired listing of real sample products on the reference date 2026-11-29, on a goods shop with a category
/// for every product set 1–25, markup 10 %, stock buffer 20 and a 50 % share.
/// </summary>
public sealed partial class DesiredListingBuilderTests
{
    private static readonly DateOnly Today = SampleData.ReferenceDate;

    private static ChannelOptions Shop()
    {
        var shop = TestChannels.GoodsShop();
        shop.Price.MarkupPercent = 10;
        shop.Stock.SafetyBuffer = 20;
        shop.Stock.SharePercent = 50;
        return shop;
    }

    private static DesiredListing Build(Product product, ChannelOptions? channel = null, DateOnly? today = null) =>
        DesiredListingBuilder.Build(product, channel ?? Shop(), TestChannels.Capabilities(), today ?? Today);

    private static void AssertDelisted(DesiredListing desired, string reason)
    {
        Assert.False(desired.Active);
        Assert.Contains(desired.Reasons, r => r.Code == reason);
        Assert.Equal(0, desired.Stock);
        Assert.DoesNotContain("OCOP", desired.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("★", desired.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_EligibleReg00002_IsActiveWithBadgePriceStockAndCategory()
    {
        // Act
        var desired = Build(Products.Sample("REG-00002"));

        // Assert
        Assert.True(desired.Active);
        Assert.Empty(desired.Reasons);
        Assert.Equal("Gạo ST25 hữu cơ túi 5kg – OCOP 4★", desired.Title);
        Assert.Equal(237000, desired.PriceVnd); // 215,000 + 10 % = 236,500 → half up
        Assert.Equal(400, desired.Stock); // (820 − 20) × 50 %
        Assert.Equal("cat-3", desired.CategoryId);
        Assert.Equal("8935228700055", desired.Gtin);
        Assert.Equal(5000, desired.WeightGrams);
        Assert.Equal(["https://cdn.example.com/ocop/REG-00002/1.jpg", "https://cdn.example.com/ocop/REG-00002/2.jpg"], desired.Images);
        Assert.Null(desired.HeldPriceVnd);
    }

    [Fact]
    public void Build_EligibleReg00002_CarriesTheOcopAttributes()
    {
        // Act
        var attributes = Build(Products.Sample("REG-00002")).Attributes;

        // Assert
        Assert.Equal("Cần Thơ", attributes["origin.province"]);
        Assert.Equal("HTX Nông nghiệp Tôm Lúa Hòa Tú", attributes["producer"]);
        Assert.Equal("4", attributes["ocop.stars"]);
        Assert.Equal("2718/QĐ-UBND", attributes["ocop.certificate"]);
        Assert.Equal("2027-11-04", attributes["ocop.certificateValidUntil"]);
        Assert.Equal("https://trace.example.org/p/92000002", attributes["traceability.url"]);
        Assert.Equal("UBND tỉnh Sóc Trăng", attributes["ocop.certificateIssuer"]);
        Assert.Equal("94-946-45024-1-2024", attributes["ocop.code"]);
        Assert.Equal("365", attributes["shelfLifeDays"]);
    }

    [Fact]
    public void Build_ProductWithoutTraceability_HasNoTraceabilityAttribute()
    {
        // Act: REG-00007, 3★, no traceability code
        var desired = Build(Products.Sample("REG-00007"));

        // Assert
        Assert.True(desired.Active);
        Assert.False(desired.Attributes.ContainsKey("traceability.url"));
        Assert.Equal("3", desired.Attributes["ocop.stars"]);
    }

    [Fact]
    public void Build_Reg00001LongName_KeepsTheBadgeWithinTheTitleLimits()
    {
        // Act
        var desired = Build(Products.Sample("REG-00001"));

        // Assert
        Assert.True(desired.Active);
        Assert.EndsWith(" – OCOP 4★", desired.Title, StringComparison.Ordinal);
        Assert.Equal(119, desired.Title.Length);
    }

    [Fact]
    public void Build_Reg00026Nfd_TitleIsNfcWithFiveStars()
    {
        // Act
        var desired = Build(Products.Sample("REG-00026"));

        // Assert
        Assert.True(desired.Active);
        Assert.Equal("Trà hoa vàng Ba Chẽ hộp 50g – OCOP 5★", desired.Title);
    }

    [Fact]
    public void Build_Reg00013ZeroStock_IsActiveWithStockZero()
    {
        // Act
        var desired = Build(Products.Sample("REG-00013"));

        // Assert
        Assert.True(desired.Active);
        Assert.Equal(0, desired.Stock);
    }

    [Fact]
    public void Build_ServiceOnAServiceChannel_IsActive()
    {
        // Arrange: REG-00057 (group VI homestay) on a shop that sells services and maps set 26
        var shop = Shop();
        shop.Categories[26] = "cat-stay";
        var capabilities = TestChannels.Capabilities() with { SellsServices = true };

        // Act
        var desired = DesiredListingBuilder.Build(Products.Sample("REG-00057"), shop, capabilities, Today);

        // Assert
        Assert.True(desired.Active);
        Assert.Empty(desired.Reasons);
        Assert.Equal("cat-stay", desired.CategoryId);
        Assert.Equal("Homestay du lịch cộng đồng bản Lác (1 người/đêm) – OCOP 4★", desired.Title);
        Assert.Equal(385000, desired.PriceVnd); // 350,000 + 10 %
        Assert.Equal(10, desired.Stock); // (40 − 20) × 50 %
        Assert.Null(desired.WeightGrams);
    }

    [Fact]
    public void Build_OnTheLastValidDay_IsActive()
    {
        // Arrange: REG-00002 is valid until 2027-11-04; intake evaluated it that morning
        var lastDay = new DateOnly(2027, 11, 4);
        var product = Products.Sample("REG-00002", evaluatedOn: lastDay);
        Assert.Equal(ProductOutcome.Eligible, product.Outcome);

        // Act
        var desired = Build(product, today: lastDay);

        // Assert
        Assert.True(desired.Active);
        Assert.Equal("Gạo ST25 hữu cơ túi 5kg – OCOP 4★", desired.Title);
    }

    [Fact]
    public void Build_DayAfterTheLastValidDayWithoutNewIntake_IsDelistedAsExpired()
    {
        // Arrange: eligible at intake on its last valid day; nobody pulled the registry since
        var product = Products.Sample("REG-00002", evaluatedOn: new DateOnly(2027, 11, 4));

        // Act
        var desired = Build(product, today: new DateOnly(2027, 11, 5));

        // Assert
        AssertDelisted(desired, "certificate.expired");
        var reason = Assert.Single(desired.Reasons);
        Assert.Equal("certificate expired on 2027-11-04", reason.Message);
        Assert.Equal(IssueSeverity.Ineligible, reason.Severity);
        Assert.Equal("Gạo ST25 hữu cơ túi 5kg", desired.Title);
    }
}
