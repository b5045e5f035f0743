using System.Text;
using System.Text.Json.Nodes;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Sync.Intake;

/// <summary>Unicode NFC and trimming of every text field, and required text.</summary>
public sealed partial class ProductNormalizerTests
{
    private static string Nfd(string text) => text.Normalize(NormalizationForm.FormD);

    [Fact]
    public void Normalize_DecomposedInputEverywhere_IsNfcInEveryTextField()
    {
        // Arrange
        var record = RecordBuilder.Valid()
            .With("ocopCode", Nfd("94-946-45024-1-2024"))
            .With("name", Nfd("Gạo ST25 hữu cơ túi 5kg"))
            .With("nameEn", Nfd("Organic ST25 rice (gạo)"))
            .With("producer.name", Nfd("HTX Nông nghiệp Tôm Lúa Hòa Tú"))
            .With("producer.type", "HTX")
            .With("producer.province", Nfd("Cần Thơ"))
            .With("producer.commune", Nfd("xã Hòa Tú"))
            .With("group", Nfd("Thực phẩm"))
            .With("subgroup", Nfd("Gạo, ngũ cốc, hạt sơ chế khác"))
            .With("certificate.decisionNumber", Nfd("2718/QĐ-UBND"))
            .With("certificate.issuedBy", Nfd("UBND tỉnh Sóc Trăng"))
            .With("certificate.status", "valid")
            .With("unit", Nfd("túi"))
            .With("netWeight.unit", Nfd("gói"))
            .With("description", Nfd("Gạo thơm ST25, cơm dẻo."))
            .With("standards", new JsonArray(Nfd("TCCS 02:2024/HTX-HT"), Nfd("Tiêu chuẩn cơ sở")))
            .With("traceability.code", Nfd("TXNG-Hòa-Tú"));

        // Act
        var result = Normalizers.Normalize(record);
        var data = result.Data;

        // Assert
        Assert.Equal("Gạo ST25 hữu cơ túi 5kg", data.Name);
        Assert.Equal("Organic ST25 rice (gạo)", data.NameEn);
        Assert.Equal("HTX Nông nghiệp Tôm Lúa Hòa Tú", data.Producer!.Name);
        Assert.Equal("Cần Thơ", data.Producer.ProvinceAsReceived);
        Assert.Equal("Cần Thơ", data.Producer.Province);
        Assert.Equal("xã Hòa Tú", data.Producer.Commune);
        Assert.Equal("Thực phẩm", data.Group);
        Assert.Equal("Gạo, ngũ cốc, hạt sơ chế khác", data.Subgroup);
        Assert.Equal("2718/QĐ-UBND", data.Certificate!.DecisionNumber);
        Assert.Equal("UBND tỉnh Sóc Trăng", data.Certificate.IssuedBy);
        Assert.Equal("túi", data.Unit);
        Assert.Equal("gói", data.NetWeight!.Unit);
        Assert.Equal("Gạo thơm ST25, cơm dẻo.", data.DescriptionText);
        Assert.Equal("Gạo thơm ST25, cơm dẻo.", data.DescriptionHtml);
        Assert.Equal(["TCCS 02:2024/HTX-HT", "Tiêu chuẩn cơ sở"], data.Standards);
        Assert.Equal("TXNG-Hòa-Tú", data.Traceability!.Code);
        var info = result.Issue(IssueCodes.TextNormalized, IssueSeverity.Info);
        Assert.Equal("text was not in Unicode NFC (decomposed accents) and was normalised", info.Message);
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
    }

    [Theory]
    [InlineData("certificate.revocation.reason")]
    [InlineData("producer.commune")]
    [InlineData("nameEn")]
    public void Normalize_DecomposedTextInOneField_GivesTheInfo(string path)
    {
        // Arrange
        var record = RecordBuilder.Valid().With(path, Nfd("Hòa"));

        // Act
        var result = Normalizers.Normalize(record, new DateOnly(2025, 1, 1));

        // Assert
        result.Issue(IssueCodes.TextNormalized, IssueSeverity.Info);
    }

    [Fact]
    public void Normalize_NfcInput_GivesNoNormalisationInfo()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid());

        // Assert
        result.NoIssue(IssueCodes.TextNormalized);
    }

    [Fact]
    public void Normalize_NameWithSurroundingSpaces_IsTrimmed()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("name", "  Gạo ST25  "));

        // Assert
        Assert.Equal("Gạo ST25", result.Data.Name);
        Assert.Empty(result.Issues);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("")]
    public void Normalize_BlankName_IsQuarantinedAsMissing(string name)
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("name", name));

        // Assert
        Assert.Equal(ProductOutcome.Quarantined, result.Outcome);
        result.Issue(IssueCodes.NameMissing, IssueSeverity.Quarantine);
        Assert.Null(result.Data.Name);
    }

    [Fact]
    public void Normalize_RegistryIdMissing_IsQuarantinedWithNullId()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().Without("registryId"));

        // Assert
        Assert.Equal(ProductOutcome.Quarantined, result.Outcome);
        result.Issue(IssueCodes.RegistryIdMissing, IssueSeverity.Quarantine);
        Assert.Null(result.RegistryId);
    }

    [Fact]
    public void Normalize_AnyRecord_KeepsTheSourceJsonAsReceived()
    {
        // Arrange
        var builder = RecordBuilder.Valid().With("name", Nfd("Gạo"));

        // Act
        var result = Normalizers.Normalize(builder);

        // Assert
        Assert.Equal(builder.Json(), result.SourceJson);
    }
}
