using System.Text.Json;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Registry.Records;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Sync.Intake;

/// <summary>Fields of the wrong type, as the reader reports them, quarantine the record.</summary>
public sealed partial class ProductNormalizerTests
{
    [Fact]
    public void Normalize_StarsAsText_IsQuarantinedNamingStars()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("stars", "bốn"));

        // Assert
        Assert.Equal(ProductOutcome.Quarantined, result.Outcome);
        var issue = result.Issue(IssueCodes.FieldType, IssueSeverity.Quarantine);
        Assert.Equal("stars: expected a whole number, got the string \"bốn\"", issue.Message);
        result.Issue(IssueCodes.StarsMissing, IssueSeverity.Quarantine);
    }

    [Fact]
    public void Normalize_NestedIssuedOnInDayMonthYear_IsQuarantinedNamingThePath()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("certificate.issuedOn", "20/11/2024"));

        // Assert
        Assert.Equal(ProductOutcome.Quarantined, result.Outcome);
        var issue = result.Issue(IssueCodes.FieldType, IssueSeverity.Quarantine);
        Assert.Equal("certificate.issuedOn: '20/11/2024' is not a date in the form yyyy-MM-dd", issue.Message);
        result.Issue(IssueCodes.CertificateIssuedOnMissing, IssueSeverity.Quarantine);
    }

    [Fact]
    public void Normalize_SeveralWrongTypes_GivesOneFieldIssueEach()
    {
        // Arrange
        var record = RecordBuilder.Valid().With("priceVnd", "215.000").With("stock", 12.5).With("producer.name", 42);

        // Act
        var result = Normalizers.Normalize(record);

        // Assert
        Assert.Equal(
            [
                "producer.name: expected a string, got the number 42",
                "priceVnd: expected a whole number, got the string \"215.000\"",
                "stock: expected a whole number, got the number 12.5",
            ],
            result.Issues.Where(i => i.Code == IssueCodes.FieldType).Select(i => i.Message));
    }

    [Fact]
    public void Normalize_NonObjectRecord_IsQuarantinedWithoutId()
    {
        // Arrange
        using var document = JsonDocument.Parse("[\"REG-00002\"]");
        var record = RegistryRecordReader.Read(document.RootElement);

        // Act
        var result = Normalizers.Create().Normalize(record, SampleData.ReferenceDate);

        // Assert
        Assert.Equal(ProductOutcome.Quarantined, result.Outcome);
        Assert.Null(result.RegistryId);
        Assert.Equal("record: expected an object, got array", result.Issue(IssueCodes.FieldType, IssueSeverity.Quarantine).Message);
        result.Issue(IssueCodes.RegistryIdMissing, IssueSeverity.Quarantine);
        Assert.Equal("[\"REG-00002\"]", result.SourceJson);
    }
}
