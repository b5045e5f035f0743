using System.Text;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Registry.Records;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Sync.Intake;

/// <summary>The 60 sample records at the reference date 2026-11-29, and the ten traps of DOMAIN.md §5.</summary>
public sealed partial class ProductNormalizerTests
{
    private static readonly string[] TrapIds =
    [
        "REG-00001", "REG-00008", "REG-00010", "REG-00013", "REG-00018", "REG-00021", "REG-00026", "REG-00032",
        "REG-00040", "REG-00057", "REG-00058", "REG-00059", "REG-00060",
    ];

    private static NormalizedRecord Sample(string registryId) =>
        Normalizers.Create().Normalize(SampleData.Record(registryId), SampleData.ReferenceDate);

    [Fact]
    public void Normalize_AllSixtySamples_Are57Eligible2Ineligible1Quarantined()
    {
        // Arrange
        var normalizer = Normalizers.Create();

        // Act
        var outcomes = SampleData.All
            .Select(e => normalizer.Normalize(RegistryRecordReader.Read(e), SampleData.ReferenceDate))
            .ToList();

        // Assert
        Assert.Equal(60, outcomes.Count);
        Assert.Equal(57, outcomes.Count(r => r.Outcome == ProductOutcome.Eligible));
        Assert.Equal(["REG-00008", "REG-00040"], outcomes.Where(r => r.Outcome == ProductOutcome.Ineligible).Select(r => r.RegistryId));
        Assert.Equal(["REG-00021"], outcomes.Where(r => r.Outcome == ProductOutcome.Quarantined).Select(r => r.RegistryId));
    }

    [Fact]
    public void Normalize_SamplesWithoutATrap_HaveNoIssues()
    {
        // Arrange
        var normalizer = Normalizers.Create();
        var plain = SampleData.All.Where(e => !TrapIds.Contains(e.GetProperty("registryId").GetString())).ToList();

        // Act
        var withIssues = plain
            .Select(e => normalizer.Normalize(RegistryRecordReader.Read(e), SampleData.ReferenceDate))
            .Where(r => r.Issues.Count > 0)
            .Select(r => $"{r.RegistryId}: {string.Join("; ", r.Issues.Select(i => i.Code))}");

        // Assert
        Assert.Equal(47, plain.Count);
        Assert.Empty(withIssues);
    }

    [Fact]
    public void Normalize_Reg00008ExpiredWithStatusValid_IsIneligible()
    {
        // Act
        var result = Sample("REG-00008");

        // Assert
        Assert.Equal(ProductOutcome.Ineligible, result.Outcome);
        Assert.Equal("certificate expired on 2025-09-19", result.Issue(IssueCodes.CertificateExpired, IssueSeverity.Ineligible).Message);
        result.Issue(IssueCodes.CertificateStatusStale, IssueSeverity.Info);
        Assert.Equal("valid", result.Data.Certificate!.StatusFlag);
    }

    [Fact]
    public void Normalize_Reg00040Revoked_IsIneligibleWithTheSuccessorsDecision()
    {
        // Act
        var result = Sample("REG-00040");

        // Assert
        Assert.Equal(ProductOutcome.Ineligible, result.Outcome);
        var issue = result.Issue(IssueCodes.CertificateRevoked, IssueSeverity.Ineligible);
        Assert.StartsWith("certificate revoked on 2026-09-18 by decision 4471/QĐ-UBND (UBND tỉnh Quảng Ngãi): ", issue.Message);
        Assert.Equal(new DateOnly(2028, 5, 28), result.Data.Certificate!.ValidUntil);
        Assert.Equal("UBND tỉnh Kon Tum", result.Data.Certificate.IssuedBy);
    }

    [Theory]
    [InlineData("REG-00057")]
    [InlineData("REG-00058")]
    [InlineData("REG-00059")]
    [InlineData("REG-00060")]
    public void Normalize_GroupVIServices_AreEligibleServices(string registryId)
    {
        // Act
        var result = Sample(registryId);

        // Assert
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        Assert.True(result.Data.IsService);
        Assert.Equal("VI", result.Data.GroupCode);
        Assert.Null(result.Data.Gtin);
        Assert.Null(result.Data.NetWeight);
        Assert.Equal(IssueCodes.Service, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void Normalize_Reg00018WrongCheckDigit_IsEligibleWithoutBarcode()
    {
        // Act
        var result = Sample("REG-00018");

        // Assert
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        Assert.Null(result.Data.Gtin);
        Assert.Equal("8935390603003", result.Data.GtinAsReceived);
        Assert.Contains("(expected 0)", result.Issue(IssueCodes.GtinCheckDigit, IssueSeverity.Warning).Message);
    }

    [Fact]
    public void Normalize_Reg00001LongName_IsStoredWhole()
    {
        // Arrange
        var source = SampleData.Element("REG-00001").GetProperty("name").GetString();

        // Act
        var result = Sample("REG-00001");

        // Assert
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        Assert.Equal(source, result.Data.Name);
        Assert.Equal(256, result.Data.Name!.EnumerateRunes().Count());
        Assert.Equal(330, Encoding.UTF8.GetByteCount(result.Data.Name));
    }

    [Fact]
    public void Normalize_Reg00032HtmlAndScript_IsSanitised()
    {
        // Act
        var result = Sample("REG-00032");

        // Assert
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        Assert.Equal("description contained markup that was removed: <img>, <script>",
            result.Issue(IssueCodes.DescriptionSanitized, IssueSeverity.Warning).Message);
        Assert.Equal("<p>Nước dừa xiêm xanh <b>tiệt trùng</b>, giữ vị ngọt tự nhiên.</p>", result.Data.DescriptionHtml);
        Assert.Equal("Nước dừa xiêm xanh tiệt trùng, giữ vị ngọt tự nhiên.", result.Data.DescriptionText);
    }

    [Fact]
    public void Normalize_Reg00013ZeroStock_IsEligibleOutOfStock()
    {
        // Act
        var result = Sample("REG-00013");

        // Assert
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        Assert.Equal(0, result.Data.Stock);
        Assert.Equal(IssueCodes.StockZero, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void Normalize_Reg00021MissingPrice_IsQuarantined()
    {
        // Act
        var result = Sample("REG-00021");

        // Assert
        Assert.Equal(ProductOutcome.Quarantined, result.Outcome);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(new ProductIssue(IssueCodes.PriceMissing, "price missing", IssueSeverity.Quarantine), issue);
        Assert.Null(result.Data.PriceVnd);
    }

    [Fact]
    public void Normalize_Reg00026Decomposed_IsStoredInNfc()
    {
        // Arrange
        var source = SampleData.Element("REG-00026");
        var sourceName = source.GetProperty("name").GetString()!;

        // Act
        var result = Sample("REG-00026");

        // Assert
        Assert.Equal(32, sourceName.EnumerateRunes().Count());
        Assert.Equal(27, result.Data.Name!.EnumerateRunes().Count());
        Assert.Equal(sourceName.Normalize(NormalizationForm.FormC), result.Data.Name);
        Assert.True(result.Data.DescriptionText!.IsNormalized(NormalizationForm.FormC));
        Assert.True(result.Data.Producer!.Name!.IsNormalized(NormalizationForm.FormC));
        Assert.False(source.GetProperty("producer").GetProperty("name").GetString()!.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        Assert.Equal(IssueCodes.TextNormalized, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void Normalize_Reg00010LegacyHaiDuong_IsHaiPhongWithOriginalKept()
    {
        // Act
        var result = Sample("REG-00010");

        // Assert
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        Assert.Equal("Hải Phòng", result.Data.Producer!.Province);
        Assert.Equal("31", result.Data.Producer.ProvinceCode);
        Assert.Equal("Hải Dương", result.Data.Producer.ProvinceAsReceived);
        Assert.Equal("UBND huyện Thanh Hà, tỉnh Hải Dương", result.Data.Certificate!.IssuedBy);
        Assert.Equal(IssueCodes.ProvinceLegacy, Assert.Single(result.Issues).Code);
    }
}
