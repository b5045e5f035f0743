using System.Text.Json.Nodes;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Sync.Intake;

/// <summary>Price, stock, GTIN, images and description.</summary>
public sealed partial class ProductNormalizerTests
{
    [Fact]
    public void Normalize_PriceAbsent_IsQuarantinedAndNotDefaultedToZero()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().Without("priceVnd"));

        // Assert
        Assert.Equal(ProductOutcome.Quarantined, result.Outcome);
        Assert.Equal("price missing", result.Issue(IssueCodes.PriceMissing, IssueSeverity.Quarantine).Message);
        Assert.Null(result.Data.PriceVnd);
    }

    [Fact]
    public void Normalize_PriceNull_IsQuarantinedAsMissing()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("priceVnd", null));

        // Assert
        Assert.Equal(ProductOutcome.Quarantined, result.Outcome);
        result.Issue(IssueCodes.PriceMissing, IssueSeverity.Quarantine);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-215000)]
    public void Normalize_PriceZeroOrNegative_IsQuarantinedAsInvalid(long price)
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("priceVnd", price));

        // Assert
        Assert.Equal(ProductOutcome.Quarantined, result.Outcome);
        var issue = result.Issue(IssueCodes.PriceInvalid, IssueSeverity.Quarantine);
        Assert.Equal($"price {price} VND is not positive", issue.Message);
    }

    [Fact]
    public void Normalize_PriceOneVnd_IsEligible()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("priceVnd", 1));

        // Assert
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        Assert.Equal(1, result.Data.PriceVnd);
    }

    [Fact]
    public void Normalize_StockAbsent_IsQuarantinedNotUnlimited()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().Without("stock"));

        // Assert
        Assert.Equal(ProductOutcome.Quarantined, result.Outcome);
        result.Issue(IssueCodes.StockMissing, IssueSeverity.Quarantine);
        Assert.Null(result.Data.Stock);
    }

    [Fact]
    public void Normalize_StockNegative_IsQuarantined()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("stock", -1));

        // Assert
        Assert.Equal(ProductOutcome.Quarantined, result.Outcome);
        Assert.Equal("stock -1 is negative", result.Issue(IssueCodes.StockNegative, IssueSeverity.Quarantine).Message);
    }

    [Fact]
    public void Normalize_StockZero_IsEligibleWithInfo()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("stock", 0));

        // Assert
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        result.Issue(IssueCodes.StockZero, IssueSeverity.Info);
        Assert.Equal(0, result.Data.Stock);
    }

    [Fact]
    public void Normalize_ValidGtin_IsKept()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("gtin", "8935236102001"));

        // Assert
        Assert.Empty(result.Issues);
        Assert.Equal("8935236102001", result.Data.Gtin);
        Assert.Equal("8935236102001", result.Data.GtinAsReceived);
    }

    [Fact]
    public void Normalize_GtinWithWrongCheckDigit_WarnsAndDropsTheBarcode()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("gtin", "8935390603003"));

        // Assert
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        var issue = result.Issue(IssueCodes.GtinCheckDigit, IssueSeverity.Warning);
        Assert.Equal("GTIN 8935390603003 has a wrong check digit (expected 0); it will be sent without a barcode", issue.Message);
        Assert.Null(result.Data.Gtin);
        Assert.Equal("8935390603003", result.Data.GtinAsReceived);
    }

    [Theory]
    [InlineData("893539060300X")]
    [InlineData("89353906030")]
    public void Normalize_GtinNotDigitsOrWrongLength_WarnsAsInvalid(string gtin)
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("gtin", gtin));

        // Assert
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        var issue = result.Issue(IssueCodes.GtinInvalid, IssueSeverity.Warning);
        Assert.Equal($"GTIN '{gtin}' is not 8, 12, 13 or 14 digits; it will be sent without a barcode", issue.Message);
        Assert.Null(result.Data.Gtin);
        Assert.Equal(gtin, result.Data.GtinAsReceived);
    }

    [Fact]
    public void Normalize_GtinNull_IsOptional()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("gtin", null));

        // Assert
        Assert.Empty(result.Issues);
        Assert.Null(result.Data.Gtin);
        Assert.Null(result.Data.GtinAsReceived);
    }

    [Fact]
    public void Normalize_HttpImage_IsDroppedWithWarning()
    {
        // Arrange
        var record = RecordBuilder.Valid().With("images", new JsonArray(
            "https://cdn.example.com/ocop/REG-00002/1.jpg", "http://cdn.example.com/ocop/REG-00002/2.jpg"));

        // Act
        var result = Normalizers.Normalize(record);

        // Assert
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        var issue = result.Issue(IssueCodes.ImagesInvalid, IssueSeverity.Warning);
        Assert.Equal("image URL(s) not absolute https, dropped: http://cdn.example.com/ocop/REG-00002/2.jpg", issue.Message);
        Assert.Equal(["https://cdn.example.com/ocop/REG-00002/1.jpg"], result.Data.Images);
        result.NoIssue(IssueCodes.ImagesMissing);
    }

    [Fact]
    public void Normalize_RelativeAndDuplicateImages_KeepOnlyDistinctAbsoluteHttps()
    {
        // Arrange
        var record = RecordBuilder.Valid().With("images", new JsonArray(
            "https://cdn.example.com/a.jpg", "images/b.jpg", "https://cdn.example.com/a.jpg"));

        // Act
        var result = Normalizers.Normalize(record);

        // Assert
        Assert.Equal(["https://cdn.example.com/a.jpg"], result.Data.Images);
        Assert.Contains("images/b.jpg", result.Issue(IssueCodes.ImagesInvalid, IssueSeverity.Warning).Message);
    }

    [Fact]
    public void Normalize_NoImages_WarnsImagesMissing()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("images", new JsonArray()));

        // Assert
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        result.Issue(IssueCodes.ImagesMissing, IssueSeverity.Warning);
        result.NoIssue(IssueCodes.ImagesInvalid);
        Assert.Empty(result.Data.Images);
    }

    [Fact]
    public void Normalize_OnlyHttpImages_WarnsInvalidAndMissing()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("images", new JsonArray("http://cdn.example.com/1.jpg")));

        // Assert
        result.Issue(IssueCodes.ImagesInvalid, IssueSeverity.Warning);
        result.Issue(IssueCodes.ImagesMissing, IssueSeverity.Warning);
    }

    [Fact]
    public void Normalize_DescriptionWithScriptAndImgOnerror_IsSanitisedWithWarning()
    {
        // Arrange
        var record = RecordBuilder.Valid().With("description",
            "<p>Gạo <b>thơm</b>.</p><script>alert('xss')</script><img src=x onerror=\"alert(1)\">");

        // Act
        var result = Normalizers.Normalize(record);

        // Assert
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        var issue = result.Issue(IssueCodes.DescriptionSanitized, IssueSeverity.Warning);
        Assert.Equal("description contained markup that was removed: <img>, <script>", issue.Message);
        Assert.Equal("<p>Gạo <b>thơm</b>.</p>", result.Data.DescriptionHtml);
        Assert.Equal("Gạo thơm.", result.Data.DescriptionText);
    }

    [Fact]
    public void Normalize_PlainDescription_IsKeptWithoutWarning()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("description", "<p>Hạt dài.</p><p>Cơm dẻo.</p>"));

        // Assert
        Assert.Empty(result.Issues);
        Assert.Equal("<p>Hạt dài.</p><p>Cơm dẻo.</p>", result.Data.DescriptionHtml);
        Assert.Equal("Hạt dài.\nCơm dẻo.", result.Data.DescriptionText);
    }

    [Fact]
    public void Normalize_DescriptionAbsent_IsNullWithoutIssue()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().Without("description"));

        // Assert
        Assert.Empty(result.Issues);
        Assert.Null(result.Data.DescriptionHtml);
        Assert.Null(result.Data.DescriptionText);
    }
}
