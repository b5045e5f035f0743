using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Sync.Intake;

/// <summary>Registry data that used to slip through: self-contradicting certificates, markup in names, duplicate ids.</summary>
public sealed class IntakeHardeningTests
{
    [Fact]
    public void Normalize_ExpiryBeforeTheIssueDate_IsQuarantinedAsInconsistentNotReportedAsExpired()
    {
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("certificate.issuedOn", "2024-11-05").With("certificate.expiresOn", "2021-11-04"));

        Assert.Equal(ProductOutcome.Quarantined, result.Outcome);
        var issue = result.Issue(IssueCodes.CertificateDatesInconsistent, IssueSeverity.Quarantine);
        Assert.Equal("certificate expiry 2021-11-04 is before its issue date 2024-11-05: the registry must correct one of them", issue.Message);
        Assert.DoesNotContain(result.Issues, i => i.Code == IssueCodes.CertificateExpired);
    }

    [Theory]
    [InlineData("<b>Mật ong</b> rừng U Minh", "Mật ong rừng U Minh")]
    [InlineData("Trà <span style=\"x\">Shan tuyết</span><script>alert(1)</script>", "Trà Shan tuyết")]
    [InlineData("Nước mắm &lt;Phú Quốc&gt;", "Nước mắm <Phú Quốc>")]
    public void Normalize_MarkupInTheName_IsRemovedWithAWarning(string name, string expected)
    {
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("name", name));

        Assert.Equal(expected, result.Data.Name);
        Assert.Contains(result.Issues, i => i.Code == IssueCodes.NameMarkup && i.Severity == IssueSeverity.Warning);
    }

    [Theory]
    [InlineData("Trà & Mật ong")]
    [InlineData("Kẹo dừa <3 Bến Tre")]
    public void Normalize_NameWithAnAmpersandOrALessThanSign_IsTextAndUnchanged(string name)
    {
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("name", name));

        Assert.Equal(name, result.Data.Name);
        Assert.DoesNotContain(result.Issues, i => i.Code == IssueCodes.NameMarkup);
    }

    [Fact]
    public void Normalize_NameThatIsOnlyMarkup_IsQuarantinedAsMissing()
    {
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("name", "<script>alert(1)</script>"));

        Assert.Equal(ProductOutcome.Quarantined, result.Outcome);
        Assert.Contains(result.Issues, i => i.Code == IssueCodes.NameMissing);
    }

    [Fact]
    public void Mark_TheSameIdTwiceInAPage_KeepsBothRecordsWarnsTheLastAndCountsOneSuperseded()
    {
        var first = Normalizers.Normalize(RecordBuilder.Valid("REG-00001").With("priceVnd", 100_000));
        var other = Normalizers.Normalize(RecordBuilder.Valid("REG-00002"));
        var last = Normalizers.Normalize(RecordBuilder.Valid("REG-00001").With("priceVnd", 120_000));

        var (records, superseded) = DuplicateIds.Mark([first, other, last], seenEarlier: null, "page");

        Assert.Equal(1, superseded);
        Assert.Equal(3, records.Count);
        Assert.DoesNotContain(records[0].Issues, i => i.Code == IssueCodes.RegistryIdDuplicate);
        Assert.DoesNotContain(records[1].Issues, i => i.Code == IssueCodes.RegistryIdDuplicate);
        Assert.Equal("registry id REG-00001 occurs 2 times in this page; the last occurrence is kept",
            records[2].Issue(IssueCodes.RegistryIdDuplicate, IssueSeverity.Warning).Message);
    }

    [Fact]
    public void Mark_AnIdOfAnEarlierBatchOfTheFile_IsADuplicateToo()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        DuplicateIds.Mark([Normalizers.Normalize(RecordBuilder.Valid("REG-00001"))], seen, "file");

        var (records, superseded) = DuplicateIds.Mark([Normalizers.Normalize(RecordBuilder.Valid("REG-00001"))], seen, "file");

        Assert.Equal(1, superseded);
        Assert.Contains(records[0].Issues, i => i.Code == IssueCodes.RegistryIdDuplicate);
    }

    [Fact]
    public void Mark_NoDuplicates_ChangesNothing()
    {
        IReadOnlyList<NormalizedRecord> page = [Normalizers.Normalize(RecordBuilder.Valid("REG-00001")), Normalizers.Normalize(RecordBuilder.Valid("REG-00002"))];

        var (records, superseded) = DuplicateIds.Mark(page, seenEarlier: null, "page");

        Assert.Equal(0, superseded);
        Assert.Same(page, records);
    }
}
