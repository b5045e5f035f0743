using System.Text.Json.Nodes;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Sync.Listings.Planning;

/// <summary>Delisted with reasons: the OCOP rules (DESIGN.md §3) and the channel's own limits.</summary>
public sealed partial class DesiredListingBuilderTests
{
    [Fact]
    public void Build_Reg00008Expired_IsDelistedWithoutTheMark()
    {
        // Act: expired 2025-09-19 although its status flag still says "valid"
        var desired = Build(Products.Sample("REG-00008"));

        // Assert
        AssertDelisted(desired, "certificate.expired");
        Assert.Equal("Kẹo dừa sầu riêng hộp 400g", desired.Title);
    }

    [Fact]
    public void Build_Reg00040Revoked_IsDelisted()
    {
        // Act: revoked 2026-09-18 although valid by dates until 2028
        var desired = Build(Products.Sample("REG-00040"));

        // Assert
        AssertDelisted(desired, "certificate.revoked");
        Assert.Equal("Sâm Ngọc Linh ngâm mật ong hũ 500ml", desired.Title);
    }

    [Fact]
    public void Build_RevocationTakingEffectAfterIntake_IsDelistedOnThatDay()
    {
        // Arrange: a revocation decided with effect from 2026-12-15; intake ran before, on the reference date
        var record = RecordBuilder.Valid()
            .With("certificate.revocation", new JsonObject
            {
                ["decisionNumber"] = "5120/QĐ-UBND",
                ["revokedOn"] = "2026-12-15",
                ["issuedBy"] = "UBND thành phố Cần Thơ",
                ["reason"] = "Ngừng sản xuất",
            });
        var product = Products.From(record);
        Assert.Equal(ProductOutcome.Eligible, product.Outcome);

        // Act
        var before = Build(product, today: new DateOnly(2026, 12, 14));
        var on = Build(product, today: new DateOnly(2026, 12, 15));

        // Assert: the mark goes the day the revocation takes effect, not at the next pull (DOMAIN.md §1.7)
        Assert.True(before.Active);
        AssertDelisted(on, "certificate.revoked");
        var reason = Assert.Single(on.Reasons);
        Assert.Equal("certificate revoked on 2026-12-15 by decision 5120/QĐ-UBND", reason.Message);
        Assert.Equal(IssueSeverity.Ineligible, reason.Severity);
    }

    [Fact]
    public void Build_Reg00021PriceMissing_IsDelistedWithPriceZero()
    {
        // Act: quarantined at intake
        var desired = Build(Products.Sample("REG-00021"));

        // Assert
        AssertDelisted(desired, "price.missing");
        Assert.Equal(0, desired.PriceVnd);
    }

    [Fact]
    public void Build_Reg00057ServiceOnAGoodsShop_IsDelistedAsNoServices()
    {
        // Act
        var desired = Build(Products.Sample("REG-00057"));

        // Assert: set 26 has no category on this shop either
        AssertDelisted(desired, "channel.noServices");
        Assert.Equal(["channel.noServices", "channel.noCategory"], desired.Reasons.Select(r => r.Code));
        Assert.Null(desired.CategoryId);
    }

    [Fact]
    public void Build_ProductSetWithoutCategory_IsDelistedAsNoCategory()
    {
        // Arrange
        var shop = Shop();
        shop.Categories.Remove(3);

        // Act
        var desired = Build(Products.Sample("REG-00002"), shop);

        // Assert
        AssertDelisted(desired, "channel.noCategory");
        var reason = Assert.Single(desired.Reasons);
        Assert.Equal("shop-a has no category for OCOP product set 3", reason.Message);
        Assert.Null(desired.CategoryId);
    }

    [Fact]
    public void Build_RetiredProduct_IsDelistedAsRetired()
    {
        // Arrange
        var product = Products.Sample("REG-00002");
        product.RetiredAt = new DateTime(2026, 11, 28, 20, 0, 0, DateTimeKind.Utc);

        // Act
        var desired = Build(product);

        // Assert
        AssertDelisted(desired, "product.retired");
        Assert.Single(desired.Reasons);
    }

    [Fact]
    public void Build_WarningsAndInfoOnly_AreNotReasons()
    {
        // Act: REG-00018 has a wrong GTIN check digit (a warning): listed without barcode
        var desired = Build(Products.Sample("REG-00018"));

        // Assert
        Assert.True(desired.Active);
        Assert.Empty(desired.Reasons);
        Assert.Null(desired.Gtin);
    }
}
