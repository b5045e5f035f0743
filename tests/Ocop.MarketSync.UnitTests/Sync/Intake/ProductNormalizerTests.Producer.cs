using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Sync.Intake;

/// <summary>The producer and its province mapped to the 34 provinces in force since 1 Jul 2025 (DOMAIN.md §4).</summary>
public sealed partial class ProductNormalizerTests
{
    private static NormalizedRecord WithProvince(string province) =>
        Normalizers.Normalize(RecordBuilder.Valid().With("producer.province", province));

    [Fact]
    public void Normalize_CurrentProvinceName_IsMappedWithoutIssue()
    {
        // Act
        var result = WithProvince("Cần Thơ");

        // Assert
        Assert.Empty(result.Issues);
        Assert.Equal("Cần Thơ", result.Data.Producer!.Province);
        Assert.Equal("92", result.Data.Producer.ProvinceCode);
        Assert.Equal("Cần Thơ", result.Data.Producer.ProvinceAsReceived);
    }

    [Fact]
    public void Normalize_AliasTpDotHoChiMinh_IsTpHoChiMinhWithoutLegacyInfo()
    {
        // Act
        var result = WithProvince("TP. Hồ Chí Minh");

        // Assert
        Assert.Empty(result.Issues);
        Assert.Equal("TP Hồ Chí Minh", result.Data.Producer!.Province);
        Assert.Equal("79", result.Data.Producer.ProvinceCode);
        Assert.Equal("TP. Hồ Chí Minh", result.Data.Producer.ProvinceAsReceived);
    }

    [Fact]
    public void Normalize_TinhBenTre_IsVinhLongWithLegacyInfo()
    {
        // Act
        var result = WithProvince("Tỉnh Bến Tre");

        // Assert
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        Assert.Equal("Vĩnh Long", result.Data.Producer!.Province);
        Assert.Equal("86", result.Data.Producer.ProvinceCode);
        Assert.Equal("Tỉnh Bến Tre", result.Data.Producer.ProvinceAsReceived);
        result.Issue(IssueCodes.ProvinceLegacy, IssueSeverity.Info);
    }

    [Fact]
    public void Normalize_LegacyHaiDuong_IsHaiPhongKeepingTheOriginalText()
    {
        // Act
        var result = WithProvince("Hải Dương");

        // Assert
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        Assert.Equal("Hải Phòng", result.Data.Producer!.Province);
        Assert.Equal("31", result.Data.Producer.ProvinceCode);
        Assert.Equal("Hải Dương", result.Data.Producer.ProvinceAsReceived);
        var info = result.Issue(IssueCodes.ProvinceLegacy, IssueSeverity.Info);
        Assert.Equal("province 'Hải Dương' merged into Hải Phòng on 2025-07-01; the original text is kept", info.Message);
    }

    [Fact]
    public void Normalize_DecomposedLegacyProvince_IsMappedAndStoredInNfc()
    {
        // Act
        var result = WithProvince(Nfd("Hải Dương"));

        // Assert
        Assert.Equal("Hải Phòng", result.Data.Producer!.Province);
        Assert.Equal("Hải Dương", result.Data.Producer.ProvinceAsReceived);
        result.Issue(IssueCodes.ProvinceLegacy, IssueSeverity.Info);
        result.Issue(IssueCodes.TextNormalized, IssueSeverity.Info);
    }

    [Fact]
    public void Normalize_UnknownProvince_WarnsAndKeepsTheText()
    {
        // Act
        var result = WithProvince("Sài Gòn Mới");

        // Assert
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        var issue = result.Issue(IssueCodes.ProvinceUnknown, IssueSeverity.Warning);
        Assert.Equal("province 'Sài Gòn Mới' is not one of the 34 provinces nor a former one", issue.Message);
        Assert.Null(result.Data.Producer!.Province);
        Assert.Null(result.Data.Producer.ProvinceCode);
        Assert.Equal("Sài Gòn Mới", result.Data.Producer.ProvinceAsReceived);
    }

    [Fact]
    public void Normalize_LongAn_IsTayNinhCode80()
    {
        // Act
        var result = WithProvince("Long An");

        // Assert
        Assert.Equal("Tây Ninh", result.Data.Producer!.Province);
        Assert.Equal("80", result.Data.Producer.ProvinceCode);
        result.Issue(IssueCodes.ProvinceLegacy, IssueSeverity.Info);
    }

    [Fact]
    public void Normalize_TayNinh_IsCode80Too()
    {
        // Act
        var result = WithProvince("Tây Ninh");

        // Assert
        Assert.Equal("Tây Ninh", result.Data.Producer!.Province);
        Assert.Equal("80", result.Data.Producer.ProvinceCode);
        result.NoIssue(IssueCodes.ProvinceLegacy);
    }

    [Fact]
    public void Normalize_ProvinceMissing_Warns()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().Without("producer.province"));

        // Assert
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        result.Issue(IssueCodes.ProvinceMissing, IssueSeverity.Warning);
    }

    [Fact]
    public void Normalize_ProducerMissing_IsQuarantined()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().Without("producer"));

        // Assert
        Assert.Equal(ProductOutcome.Quarantined, result.Outcome);
        Assert.Equal("producer missing", result.Issue(IssueCodes.ProducerMissing, IssueSeverity.Quarantine).Message);
    }

    [Fact]
    public void Normalize_ProducerNameMissing_IsQuarantined()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().Without("producer.name"));

        // Assert
        Assert.Equal(ProductOutcome.Quarantined, result.Outcome);
        Assert.Equal("producer name missing", result.Issue(IssueCodes.ProducerMissing, IssueSeverity.Quarantine).Message);
    }
}
