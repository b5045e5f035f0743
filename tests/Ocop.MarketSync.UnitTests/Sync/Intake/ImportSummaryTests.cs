using Ocop.MarketSync.Registry.Records;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Sync.Intake;

public sealed class ImportSummaryTests
{
    private static NormalizedRecord Sample(string registryId) =>
        Normalizers.Create().Normalize(SampleData.Record(registryId), SampleData.ReferenceDate);

    [Fact]
    public void Count_AllSixtySamples_CountsOutcomesAndDecidingReasons()
    {
        // Arrange
        var summary = new ImportSummary();
        var normalizer = Normalizers.Create();

        // Act
        foreach (var element in SampleData.All)
        {
            summary.Count(normalizer.Normalize(RegistryRecordReader.Read(element), SampleData.ReferenceDate));
        }

        // Assert
        Assert.Equal(60, summary.Read);
        Assert.Equal(57, summary.Eligible);
        Assert.Equal(2, summary.Ineligible);
        Assert.Equal(1, summary.Quarantined);
        Assert.Equal(
            [
                new KeyValuePair<string, int>(IssueCodes.CertificateExpired, 1),
                new KeyValuePair<string, int>(IssueCodes.CertificateRevoked, 1),
                new KeyValuePair<string, int>(IssueCodes.PriceMissing, 1),
            ],
            summary.Reasons);
    }

    [Fact]
    public void Count_IneligibleRecord_ListsOnlyTheIneligibleIssueWithAnExample()
    {
        // Arrange
        var summary = new ImportSummary();

        // Act: REG-00008 also has an info issue (stale status flag), which did not decide the outcome.
        summary.Count(Sample("REG-00008"));

        // Assert
        Assert.Equal(1, summary.Ineligible);
        Assert.Equal([new KeyValuePair<string, int>(IssueCodes.CertificateExpired, 1)], summary.Reasons);
        Assert.Equal("REG-00008: certificate expired on 2025-09-19", summary.Examples[IssueCodes.CertificateExpired]);
    }

    [Fact]
    public void Count_QuarantinedRecordAlsoIneligible_ListsOnlyTheQuarantineIssues()
    {
        // Arrange
        var summary = new ImportSummary();
        var record = Normalizers.Normalize(RecordBuilder.Valid().Without("priceVnd"), new DateOnly(2028, 1, 1));

        // Act
        summary.Count(record);

        // Assert
        Assert.Equal(1, summary.Quarantined);
        Assert.Equal(0, summary.Ineligible);
        Assert.Equal([new KeyValuePair<string, int>(IssueCodes.PriceMissing, 1)], summary.Reasons);
    }

    [Fact]
    public void Count_EligibleRecordWithWarnings_AddsNoReason()
    {
        // Arrange
        var summary = new ImportSummary();

        // Act
        summary.Count(Sample("REG-00018"));

        // Assert
        Assert.Equal(1, summary.Eligible);
        Assert.Empty(summary.Reasons);
        Assert.Empty(summary.Examples);
    }

    [Fact]
    public void Count_SameReasonTwice_CountsTwoAndKeepsTheFirstExample()
    {
        // Arrange
        var summary = new ImportSummary();

        // Act
        summary.Count(Sample("REG-00021"));
        summary.Count(Normalizers.Normalize(RecordBuilder.Valid().Without("priceVnd")));

        // Assert
        Assert.Equal(2, summary.Reasons[IssueCodes.PriceMissing]);
        Assert.Equal("REG-00021: price missing", summary.Examples[IssueCodes.PriceMissing]);
    }

    [Fact]
    public void Count_RecordWithoutId_UsesTheUnidentifiedStorageIdInTheExample()
    {
        // Arrange
        var summary = new ImportSummary();
        var record = Normalizers.Normalize(RecordBuilder.Valid().Without("registryId"));

        // Act
        summary.Count(record);

        // Assert
        Assert.Equal($"unidentified-{record.ContentHash[..12]}: registryId missing: the record cannot be stored",
            summary.Examples[IssueCodes.RegistryIdMissing]);
    }
}
