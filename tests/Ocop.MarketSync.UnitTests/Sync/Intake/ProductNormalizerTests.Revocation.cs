using System.Text.Json.Nodes;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Sync.Intake;

/// <summary>Revocation decides from the revocation record and its date; the status flag is informational,
/// trusted only when it says 'revoked' (DOMAIN.md §1.4, fact 2).</summary>
public sealed partial class ProductNormalizerTests
{
    private static JsonObject Revocation(string revokedOn) => new()
    {
        ["decisionNumber"] = "4471/QĐ-UBND",
        ["revokedOn"] = revokedOn,
        ["issuedBy"] = "UBND tỉnh Quảng Ngãi",
        ["reason"] = "Vi phạm quy định ghi nhãn hàng hóa",
    };

    [Fact]
    public void Normalize_RevocationRecordInEffect_IsIneligibleWithTheDecisionInTheMessage()
    {
        // Arrange
        var record = RecordBuilder.Valid()
            .With("certificate.status", "revoked")
            .With("certificate.revocation", Revocation("2026-09-18"));

        // Act
        var result = Normalizers.Normalize(record);

        // Assert
        Assert.Equal(ProductOutcome.Ineligible, result.Outcome);
        var issue = result.Issue(IssueCodes.CertificateRevoked, IssueSeverity.Ineligible);
        Assert.Equal(
            "certificate revoked on 2026-09-18 by decision 4471/QĐ-UBND (UBND tỉnh Quảng Ngãi): Vi phạm quy định ghi nhãn hàng hóa",
            issue.Message);
        Assert.Single(result.Issues);
    }

    [Fact]
    public void Normalize_OnTheRevocationDay_IsRevokedAndTheDayBeforeIsNot()
    {
        // Arrange
        var record = RecordBuilder.Valid().With("certificate.revocation", Revocation("2026-09-18"));

        // Act
        var dayBefore = Normalizers.Normalize(record, new DateOnly(2026, 9, 17));
        var onDay = Normalizers.Normalize(record, new DateOnly(2026, 9, 18));

        // Assert
        Assert.Equal(ProductOutcome.Eligible, dayBefore.Outcome);
        Assert.Equal(ProductOutcome.Ineligible, onDay.Outcome);
        onDay.Issue(IssueCodes.CertificateRevoked, IssueSeverity.Ineligible);
    }

    [Fact]
    public void Normalize_RevocationDatedInTheFuture_IsStillEligible()
    {
        // Arrange
        var record = RecordBuilder.Valid().With("certificate.revocation", Revocation("2026-12-15"));

        // Act
        var result = Normalizers.Normalize(record);

        // Assert
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        result.NoIssue(IssueCodes.CertificateRevoked);
        Assert.Equal(new DateOnly(2026, 12, 15), result.Data.Certificate!.Revocation!.RevokedOn);
    }

    [Fact]
    public void Normalize_RevocationWithoutDate_IsRevoked()
    {
        // Arrange
        var record = RecordBuilder.Valid()
            .With("certificate.revocation", new JsonObject { ["decisionNumber"] = "15/QĐ-UBND" });

        // Act
        var result = Normalizers.Normalize(record);

        // Assert
        Assert.Equal(ProductOutcome.Ineligible, result.Outcome);
        Assert.Equal("certificate revoked by decision 15/QĐ-UBND",
            result.Issue(IssueCodes.CertificateRevoked, IssueSeverity.Ineligible).Message);
    }

    [Fact]
    public void Normalize_StatusRevokedWithoutRecord_IsIneligible()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("certificate.status", "revoked"));

        // Assert
        Assert.Equal(ProductOutcome.Ineligible, result.Outcome);
        var issue = result.Issue(IssueCodes.CertificateRevoked, IssueSeverity.Ineligible);
        Assert.Equal("certificate revoked (registry status 'revoked'; no revocation decision given)", issue.Message);
        result.NoIssue(IssueCodes.CertificateStatusStale);
    }

    [Fact]
    public void Normalize_StatusValidOnAnExpiredCertificate_IsIneligibleWithStaleFlagInfo()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid(), new DateOnly(2028, 1, 1));

        // Assert
        Assert.Equal(ProductOutcome.Ineligible, result.Outcome);
        result.Issue(IssueCodes.CertificateExpired, IssueSeverity.Ineligible);
        var info = result.Issue(IssueCodes.CertificateStatusStale, IssueSeverity.Info);
        Assert.Contains("'valid'", info.Message);
    }

    [Fact]
    public void Normalize_StatusExpiredOnAValidCertificate_IsEligibleWithStaleFlagInfo()
    {
        // Act: the flag is never trusted to take a product off sale, except 'revoked'.
        var result = Normalizers.Normalize(RecordBuilder.Valid().With("certificate.status", "expired"));

        // Assert
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        result.Issue(IssueCodes.CertificateStatusStale, IssueSeverity.Info);
    }

    [Fact]
    public void Normalize_StatusFlagAbsent_GivesNoStaleInfo()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().Without("certificate.status"), new DateOnly(2028, 1, 1));

        // Assert
        result.Issue(IssueCodes.CertificateExpired, IssueSeverity.Ineligible);
        result.NoIssue(IssueCodes.CertificateStatusStale);
    }
}
