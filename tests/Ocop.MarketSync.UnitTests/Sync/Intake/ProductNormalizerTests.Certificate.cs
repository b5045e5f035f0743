using System.Globalization;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Intake.Rules;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Sync.Intake;

/// <summary>Certificate validity from its dates (DOMAIN.md §1.4). The base record is
/// issued 2024-11-05 and states expiry 2027-11-04 (issue + 36 months − 1 day).</summary>
public sealed partial class ProductNormalizerTests
{
    private static readonly DateOnly BaseLastValidDay = new(2027, 11, 4);

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void Normalize_CertificateMissing_IsQuarantined()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().Without("certificate"));

        // Assert
        Assert.Equal(ProductOutcome.Quarantined, result.Outcome);
        Assert.Equal("certificate missing", result.Issue(IssueCodes.CertificateMissing, IssueSeverity.Quarantine).Message);
        Assert.Null(result.Data.Certificate);
    }

    [Fact]
    public void Normalize_NoDecisionNumber_IsQuarantined()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().Without("certificate.decisionNumber"));

        // Assert
        Assert.Equal(ProductOutcome.Quarantined, result.Outcome);
        result.Issue(IssueCodes.CertificateDecisionMissing, IssueSeverity.Quarantine);
    }

    [Fact]
    public void Normalize_NoIssuedOn_IsQuarantinedWithoutValidUntil()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid().Without("certificate.issuedOn"));

        // Assert
        Assert.Equal(ProductOutcome.Quarantined, result.Outcome);
        result.Issue(IssueCodes.CertificateIssuedOnMissing, IssueSeverity.Quarantine);
        Assert.Null(result.Data.Certificate!.ValidUntil);
        Assert.Equal("2718/QĐ-UBND", result.Data.Certificate.DecisionNumber);
    }

    [Theory]
    [InlineData("2024-11-05", "2027-11-04")]
    [InlineData("2022-09-20", "2025-09-19")] // REG-00008
    [InlineData("2025-03-01", "2028-02-29")] // into a leap February
    [InlineData("2025-01-01", "2027-12-31")]
    public void LastValidDay_DefaultRule_IsIssuePlus36MonthsMinusOneDay(string issuedOn, string expected)
    {
        // Act
        var day = Normalizers.Create().LastValidDay(Day(issuedOn));

        // Assert
        Assert.Equal(Day(expected), day);
    }

    [Fact]
    public void LastValidDay_IssuePlusMonthsRule_IsIssuePlus36Months()
    {
        // Arrange
        var normalizer = Normalizers.Create(new IntakeOptions { LastValidDay = LastValidDayRule.IssuePlusMonths });

        // Act
        var day = normalizer.LastValidDay(new DateOnly(2024, 11, 5));

        // Assert
        Assert.Equal(new DateOnly(2027, 11, 5), day);
    }

    [Fact]
    public void LastValidDay_OtherValidityMonths_UsesTheOption()
    {
        // Arrange
        var normalizer = Normalizers.Create(new IntakeOptions { CertificateValidityMonths = 24 });

        // Act
        var day = normalizer.LastValidDay(new DateOnly(2024, 11, 5));

        // Assert
        Assert.Equal(new DateOnly(2026, 11, 4), day);
    }

    [Fact]
    public void Normalize_OnTheLastValidDay_IsEligible()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid(), BaseLastValidDay);

        // Assert
        Assert.Equal(ProductOutcome.Eligible, result.Outcome);
        Assert.Empty(result.Issues);
        Assert.Equal(BaseLastValidDay, result.Data.Certificate!.ValidUntil);
    }

    [Fact]
    public void Normalize_DayAfterTheLastValidDay_IsIneligibleAsExpired()
    {
        // Act
        var result = Normalizers.Normalize(RecordBuilder.Valid(), BaseLastValidDay.AddDays(1));

        // Assert
        Assert.Equal(ProductOutcome.Ineligible, result.Outcome);
        var issue = result.Issue(IssueCodes.CertificateExpired, IssueSeverity.Ineligible);
        Assert.Equal("certificate expired on 2027-11-04", issue.Message);
    }

    [Fact]
    public void Normalize_StatedExpiryLaterThanTheRule_WarnsAndUsesTheRulesDay()
    {
        // Arrange
        var record = RecordBuilder.Valid().With("certificate.expiresOn", "2027-11-30");

        // Act
        var onRuleDay = Normalizers.Normalize(record, BaseLastValidDay);
        var dayAfter = Normalizers.Normalize(record, BaseLastValidDay.AddDays(1));

        // Assert
        var warning = onRuleDay.Issue(IssueCodes.CertificateExpiryBeyondRule, IssueSeverity.Warning);
        Assert.Equal("stated expiry 2027-11-30 is later than issue + 36 months (2027-11-04); 2027-11-04 is used", warning.Message);
        Assert.Equal(ProductOutcome.Eligible, onRuleDay.Outcome);
        Assert.Equal(BaseLastValidDay, onRuleDay.Data.Certificate!.ValidUntil);
        Assert.Equal(new DateOnly(2027, 11, 30), onRuleDay.Data.Certificate.ExpiresOn);
        Assert.Equal(ProductOutcome.Ineligible, dayAfter.Outcome);
        Assert.Equal("certificate expired on 2027-11-04", dayAfter.Issue(IssueCodes.CertificateExpired, IssueSeverity.Ineligible).Message);
    }

    [Fact]
    public void Normalize_StatedExpiryEarlierThanTheRule_UsesTheStatedDayWithoutWarning()
    {
        // Arrange
        var record = RecordBuilder.Valid().With("certificate.expiresOn", "2027-06-30");

        // Act
        var onStatedDay = Normalizers.Normalize(record, new DateOnly(2027, 6, 30));
        var dayAfter = Normalizers.Normalize(record, new DateOnly(2027, 7, 1));

        // Assert
        Assert.Equal(ProductOutcome.Eligible, onStatedDay.Outcome);
        Assert.Empty(onStatedDay.Issues);
        Assert.Equal(new DateOnly(2027, 6, 30), onStatedDay.Data.Certificate!.ValidUntil);
        Assert.Equal(ProductOutcome.Ineligible, dayAfter.Outcome);
        Assert.Equal("certificate expired on 2027-06-30", dayAfter.Issue(IssueCodes.CertificateExpired, IssueSeverity.Ineligible).Message);
    }

    [Fact]
    public void Normalize_IssuePlusMonthsRuleWithoutStatedExpiry_IsValidOneDayLonger()
    {
        // Arrange
        var normalizer = Normalizers.Create(new IntakeOptions { LastValidDay = LastValidDayRule.IssuePlusMonths });
        var record = RecordBuilder.Valid().Without("certificate.expiresOn").Build();

        // Act
        var onDay = normalizer.Normalize(record, new DateOnly(2027, 11, 5));
        var dayAfter = normalizer.Normalize(record, new DateOnly(2027, 11, 6));

        // Assert
        Assert.Equal(ProductOutcome.Eligible, onDay.Outcome);
        Assert.Equal(new DateOnly(2027, 11, 5), onDay.Data.Certificate!.ValidUntil);
        Assert.Equal("certificate expired on 2027-11-05", dayAfter.Issue(IssueCodes.CertificateExpired, IssueSeverity.Ineligible).Message);
    }

    [Fact]
    public void Normalize_BeforeIssuedOn_IsIneligibleAsNotYetValid()
    {
        // Act
        var dayBefore = Normalizers.Normalize(RecordBuilder.Valid(), new DateOnly(2024, 11, 4));
        var onIssueDay = Normalizers.Normalize(RecordBuilder.Valid(), new DateOnly(2024, 11, 5));

        // Assert
        Assert.Equal(ProductOutcome.Ineligible, dayBefore.Outcome);
        var issue = dayBefore.Issue(IssueCodes.CertificateNotYetValid, IssueSeverity.Ineligible);
        Assert.Equal("certificate valid only from 2024-11-05", issue.Message);
        Assert.Equal(ProductOutcome.Eligible, onIssueDay.Outcome);
    }
}
