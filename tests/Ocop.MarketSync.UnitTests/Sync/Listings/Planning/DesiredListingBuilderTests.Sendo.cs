using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Listings.Planning;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Sync.Listings.Planning;

/// <summary>
/// Limits a marketplace publishes on what is sent (Sendo: SKU 3–45 characters, a description of at least 100
/// characters, at most 20 images and 20 &lt;img&gt;), applied while building, with the reason staff see.
/// </summary>
public sealed partial class DesiredListingBuilderTests
{
    [Fact]
    public void Build_DescriptionShorterThanTheMarketplaceMinimum_GetsTheOcopFactsAndIsListed()
    {
        // Arrange: REG-00002's description is 118 characters of plain text
        var own = Build(Products.Sample("REG-00002")).Description;
        var capabilities = TestChannels.Capabilities() with { DescriptionMinChars = 119 };

        // Act
        var desired = DesiredListingBuilder.Build(Products.Sample("REG-00002"), Shop(), capabilities, Today);

        // Assert: the registry's text first, then its OCOP facts, one a line
        Assert.True(desired.Active);
        Assert.Empty(desired.Reasons);
        Assert.Equal(
            own + "\nSản phẩm OCOP 4 sao, nhóm Thực phẩm (Gạo, ngũ cốc, hạt sơ chế khác)."
                + "\nGiấy chứng nhận OCOP: quyết định số 2718/QĐ-UBND của UBND tỉnh Sóc Trăng, ngày 05/11/2024, hiệu lực đến hết ngày 04/11/2027."
                + "\nChủ thể sản xuất: HTX Nông nghiệp Tôm Lúa Hòa Tú, xã Hòa Tú, Cần Thơ."
                + "\nMã sản phẩm OCOP: 94-946-45024-1-2024.",
            desired.Description);
    }

    [Fact]
    public void Build_DescriptionTooShortAndNoOcopFacts_NotListedWithTheReason()
    {
        // Arrange: a record without stars, certificate, producer or OCOP code has nothing true to add
        var product = Products.Sample("REG-00002");
        product.Data = product.Data with { Stars = null, Certificate = null, Producer = null, OcopCode = null };
        var capabilities = TestChannels.Capabilities() with { DescriptionMinChars = 119 };

        // Act
        var desired = DesiredListingBuilder.Build(product, Shop(), capabilities, Today);

        // Assert: never padded
        Assert.Contains(desired.Reasons, r => r.Code == MarketplaceLimits.DescriptionTooShortCode);
        Assert.False(desired.Active);
        Assert.Equal(Build(Products.Sample("REG-00002")).Description, desired.Description);
    }

    [Fact]
    public void Build_DescriptionStillShortWithTheFacts_NotListedWithTheReason()
    {
        var capabilities = TestChannels.Capabilities() with { DescriptionMinChars = 2000 };

        var desired = DesiredListingBuilder.Build(Products.Sample("REG-00002"), Shop(), capabilities, Today);

        AssertDelisted(desired, MarketplaceLimits.DescriptionTooShortCode);
        Assert.Contains("Mã sản phẩm OCOP", desired.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_FactsWouldNotFitTheMaximum_RegistryTextAlone()
    {
        var own = Build(Products.Sample("REG-00002")).Description;
        var capabilities = TestChannels.Capabilities() with { DescriptionMinChars = 119, DescriptionMaxChars = 200 };

        var desired = DesiredListingBuilder.Build(Products.Sample("REG-00002"), Shop(), capabilities, Today);

        Assert.Equal(own, desired.Description);
        AssertDelisted(desired, MarketplaceLimits.DescriptionTooShortCode);
    }

    [Fact]
    public void Build_NoMinimumOrLongEnough_DescriptionUnchanged()
    {
        var own = Build(Products.Sample("REG-00002")).Description;
        var atMinimum = TestChannels.Capabilities() with { DescriptionMinChars = own.Length };

        Assert.DoesNotContain("OCOP", own, StringComparison.Ordinal);
        Assert.Equal(own, DesiredListingBuilder.Build(Products.Sample("REG-00002"), Shop(), atMinimum, Today).Description);
    }

    [Fact]
    public void Build_DescriptionAtTheMinimum_IsListed()
    {
        var capabilities = TestChannels.Capabilities() with { DescriptionMinChars = Build(Products.Sample("REG-00002")).Description.Length };

        var desired = DesiredListingBuilder.Build(Products.Sample("REG-00002"), Shop(), capabilities, Today);

        Assert.True(desired.Active);
        Assert.Empty(desired.Reasons);
    }

    [Theory]
    [InlineData(3, 10, true)] // OCOP-REG-00002 has 14 characters
    [InlineData(3, 14, false)]
    [InlineData(15, 45, true)]
    public void Build_SellerSkuOutsideTheMarketplaceLengths_NotListed(int min, int max, bool refused)
    {
        var capabilities = TestChannels.Capabilities() with { SellerSkuMinChars = min, SellerSkuMaxChars = max };

        var desired = DesiredListingBuilder.Build(Products.Sample("REG-00002"), Shop(), capabilities, Today);

        Assert.Equal(refused, desired.Reasons.Any(r => r.Code == MarketplaceLimits.SkuLengthCode && r.Severity == IssueSeverity.Ineligible));
        Assert.Equal(!refused, desired.Active);
    }

    [Fact]
    public void Build_MoreImagesThanTheMarketplaceTakes_FirstOnesWithAWarning()
    {
        var capabilities = TestChannels.Capabilities() with { MaxImages = 1 };

        var desired = DesiredListingBuilder.Build(Products.Sample("REG-00002"), Shop(), capabilities, Today);

        Assert.True(desired.Active);
        Assert.Equal(["https://cdn.example.com/ocop/REG-00002/1.jpg"], desired.Images);
        var reason = Assert.Single(desired.Reasons);
        Assert.Equal((MarketplaceLimits.ImagesTrimmedCode, IssueSeverity.Warning), (reason.Code, reason.Severity));
    }

    [Fact]
    public void Build_HtmlWithMoreImgThanTheMarketplaceTakes_FallsBackToPlainText()
    {
        // Arrange: a description with two <img>, on a marketplace taking one
        var product = Products.Sample("REG-00002");
        product.Data = product.Data with
        {
            DescriptionHtml = "<p>Gạo ST25</p><img src=\"https://cdn.example.com/a.jpg\"><img src=\"https://cdn.example.com/b.jpg\">",
        };
        var one = TestChannels.Capabilities() with { MaxImages = 1 };
        var two = TestChannels.Capabilities() with { MaxImages = 2 };

        // Act
        var refused = DesiredListingBuilder.Build(product, Shop(), one, Today);
        var taken = DesiredListingBuilder.Build(product, Shop(), two, Today);

        // Assert
        Assert.DoesNotContain("<img", refused.Description, StringComparison.Ordinal);
        Assert.Contains("<img", taken.Description, StringComparison.Ordinal);
    }
}
