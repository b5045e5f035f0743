using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Sync.Intake;

/// <summary>Stars, product set and group, services, traceability and the OCOP code.</summary>
public sealed partial class ProductNormalizerTests
{
    [Fact]
    public void Normalize_ValidRecord_IsEligibleWithoutIssues()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid());

        // Assert
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        Assert.Empty(result.Issues);
        Assert.Equal("REG-00002", result.RegistryId);
    }

    [Fact]
    public void Normalize_StarsMissing_IsQuarantined()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().Without("stars"));

        // Assert
        Assert.Equal(ProductOutcome.Quarantined, result.Outcome);
        Assert.Equal("stars missing", result.Issue(IssueCodes.StarsMissing, IssueSeverity.Quarantine).Message);
        Assert.Null(result.Data.Stars);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(6)]
    [InlineData(0)]
    [InlineData(-3)]
    public void Normalize_StarsOutside1To5_IsQuarantinedAsInvalid(int stars)
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("stars", stars));

        // Assert
        Assert.Equal(ProductOutcome.Quarantined, result.Outcome);
        var issue = result.Issue(IssueCodes.StarsInvalid, IssueSeverity.Quarantine);
        Assert.Equal($"stars {stars} is not a star rating (1–5)", issue.Message);
        Assert.Null(result.Data.Stars);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Normalize_OneOrTwoStars_IsIneligibleAsNotCertified(int stars)
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("stars", stars));

        // Assert
        Assert.Equal(ProductOutcome.Ineligible, result.Outcome);
        var issue = result.Issue(IssueCodes.StarsNotCertified, IssueSeverity.Ineligible);
        Assert.Equal($"{stars}★ products are not certified (only 3–5★ carry the OCOP mark)", issue.Message);
        Assert.Equal(stars, result.Data.Stars);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Normalize_ThreeToFiveStars_IsEligible(int stars)
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("stars", stars));

        // Assert
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        Assert.Empty(result.Issues);
        Assert.Equal(stars, result.Data.Stars);
    }

    [Fact]
    public void Normalize_ProductSetMissing_IsQuarantined()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().Without("productSet"));

        // Assert
        Assert.Equal(ProductOutcome.Quarantined, result.Outcome);
        result.Issue(IssueCodes.ProductSetMissing, IssueSeverity.Quarantine);
        Assert.Null(result.Data.ProductSet);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(27)]
    public void Normalize_ProductSetOutside1To26_IsQuarantined(int productSet)
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("productSet", productSet));

        // Assert
        Assert.Equal(ProductOutcome.Quarantined, result.Outcome);
        var issue = result.Issue(IssueCodes.ProductSetInvalid, IssueSeverity.Quarantine);
        Assert.Equal($"productSet {productSet} is not one of the 26 OCOP product sets", issue.Message);
    }

    [Fact]
    public void Normalize_GroupCodeNotMatchingTheSet_WarnsAndUsesTheSetsGroup()
    {
        // Arrange: set 3 (rice) is group I.
        var record = RecordBuilder.Valid().With("groupCode", "II");

        // Act
        var result = Normalizers.Normalize(record);

        // Assert
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        var issue = result.Issue(IssueCodes.GroupMismatch, IssueSeverity.Warning);
        Assert.Equal("groupCode 'II' does not match product set 3 (group I); group I is used", issue.Message);
        Assert.Equal("I", result.Data.GroupCode);
    }

    [Fact]
    public void Normalize_GroupCodeMissing_IsDerivedFromTheSet()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().Without("groupCode").With("productSet", 15));

        // Assert
        Assert.Empty(result.Issues);
        Assert.Equal("II", result.Data.GroupCode);
    }

    [Fact]
    public void Normalize_GroupVISet26_IsAServiceWithInfo()
    {
        // Arrange
        var record = RecordBuilder.Valid().With("productSet", 26).With("groupCode", "VI");

        // Act
        var result = Normalizers.Normalize(record);

        // Assert
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        Assert.True(result.Data.IsService);
        Assert.Equal("VI", result.Data.GroupCode);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(IssueCodes.Service, issue.Code);
        Assert.Equal(IssueSeverity.Info, issue.Severity);
    }

    [Fact]
    public void Normalize_GoodsSet25_IsNotAService()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("productSet", 25).With("groupCode", "V"));

        // Assert
        Assert.False(result.Data.IsService);
        result.NoIssue(IssueCodes.Service);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void Normalize_FourOrFiveStarGoodsWithoutTraceability_Warns(int stars)
    {
        // Arrange
        var record = RecordBuilder.Valid().With("stars", stars).With("traceability", null);

        // Act
        var result = Normalizers.Normalize(record);

        // Assert
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        var issue = result.Issue(IssueCodes.TraceabilityMissing, IssueSeverity.Warning);
        Assert.Equal($"a {stars}★ product must carry an electronic traceability code; none was given", issue.Message);
    }

    [Fact]
    public void Normalize_FourStarGoodsWithTraceabilityUrlButNoCode_Warns()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().Without("traceability.code"));

        // Assert
        result.Issue(IssueCodes.TraceabilityMissing, IssueSeverity.Warning);
    }

    [Fact]
    public void Normalize_ThreeStarGoodsWithoutTraceability_DoesNotWarn()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("stars", 3).With("traceability", null));

        // Assert
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Normalize_FourStarServiceWithoutTraceability_DoesNotWarn()
    {
        // Act: REG-00057 is a 4★ homestay with traceability null.
        var result = Normalizers.Create().Normalize(SampleData.Record("REG-00057"), SampleData.ReferenceDate);

        // Assert
        Assert.Equal(4, result.Data.Stars);
        result.NoIssue(IssueCodes.TraceabilityMissing);
    }

    [Fact]
    public void Normalize_OldFivePartCode_IsParsedWithDistrict()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("ocopCode", "30-294-10852-1-2021"));

        // Assert
        Assert.Empty(result.Issues);
        Assert.Equal(new OcopCodeParts("30", "294", "10852", 1, 2021), result.Data.OcopCodeParts);
    }

    [Fact]
    public void Normalize_UnparsableOcopCode_WarnsAndKeepsTheText()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("ocopCode", "OCOP-2024-17"));

        // Assert
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        var issue = result.Issue(IssueCodes.OcopCodeInvalid, IssueSeverity.Warning);
        Assert.Contains("'OCOP-2024-17'", issue.Message);
        Assert.Equal("OCOP-2024-17", result.Data.OcopCode);
        Assert.Null(result.Data.OcopCodeParts);
    }

    [Fact]
    public void Normalize_OcopCodeMissing_Warns()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().Without("ocopCode"));

        // Assert
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        result.Issue(IssueCodes.OcopCodeMissing, IssueSeverity.Warning);
    }
}
