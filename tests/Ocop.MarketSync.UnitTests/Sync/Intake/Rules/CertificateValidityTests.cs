using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Intake.Rules;

namespace Ocop.MarketSync.UnitTests.Sync.Intake.Rules;

/// <summary>The shared "in force on this day" rule, on the edges of its dates.</summary>
public sealed class CertificateValidityTests
{
    private static readonly CertificateData Issued = new()
    {
        IssuedOn = new DateOnly(2024, 3, 1),
        ValidUntil = new DateOnly(2027, 2, 28),
        StatusFlag = "valid",
    };

    [Theory]
    [InlineData("2024-02-29", false)]
    [InlineData("2024-03-01", true)]
    [InlineData("2027-02-28", true)]
    [InlineData("2027-03-01", false)]
    public void IsValidOn_IssueAndLastValidDay_AreBothIncluded(string day, bool expected)
    {
        Assert.Equal(expected, CertificateValidity.IsValidOn(Issued, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void IsValidOn_RevocationTakesEffectOnItsDay()
    {
        var certificate = Issued with { Revocation = new RevocationData { RevokedOn = new DateOnly(2025, 6, 10) } };

        Assert.True(CertificateValidity.IsValidOn(certificate, new DateOnly(2025, 6, 9)));
        Assert.False(CertificateValidity.IsValidOn(certificate, new DateOnly(2025, 6, 10)));
    }

    [Fact]
    public void IsValidOn_RevokedFlagWithoutRecordOrUndatedRevocation_IsNotInForce()
    {
        var day = new DateOnly(2025, 1, 1);

        Assert.False(CertificateValidity.IsValidOn(Issued with { StatusFlag = "Revoked" }, day));
        Assert.False(CertificateValidity.IsValidOn(Issued with { Revocation = new RevocationData() }, day));
    }

    [Fact]
    public void IsValidOn_NoCertificateOrNoIssueDate_IsNotInForce()
    {
        var day = new DateOnly(2025, 1, 1);

        Assert.False(CertificateValidity.IsValidOn(null, day));
        Assert.False(CertificateValidity.IsValidOn(Issued with { IssuedOn = null }, day));
        Assert.False(CertificateValidity.IsValidOn(Issued with { ValidUntil = null }, day));
    }

    [Fact]
    public void IsValidOn_ExpiredFlagWithValidDates_IsInForce()
    {
        // The flag is trusted only in the safe direction (revoked); dates decide otherwise.
        Assert.True(CertificateValidity.IsValidOn(Issued with { StatusFlag = "expired" }, new DateOnly(2025, 1, 1)));
    }
}
