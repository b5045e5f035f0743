using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Sync.Intake.Rules;

/// <summary>
/// Whether a stored certificate is in force on a day (the Asia/Ho_Chi_Minh calendar day): the one rule intake,
/// the listing planner and the coverage report share, so "certified" means the same thing everywhere.
/// Decided from the dates and the revocation record, never from the registry's status flag (DOMAIN.md §1.4).
/// </summary>
public static class CertificateValidity
{
    /// <summary>
    /// In force: issued on or before <paramref name="day"/>, not past its last valid day (<see cref="CertificateData.ValidUntil"/>,
    /// set by intake's rule) and not revoked. A certificate without an issue date cannot be decided, so it is not in force.
    /// </summary>
    public static bool IsValidOn(CertificateData? certificate, DateOnly day) =>
        certificate is { IssuedOn: { } issuedOn, ValidUntil: { } validUntil }
        && issuedOn <= day && day <= validUntil
        && !IsRevokedOn(certificate, day);

    /// <summary>
    /// Revoked when a revocation has taken effect, or when the registry flags it revoked without a record
    /// (the flag is trusted only in the safe direction).
    /// </summary>
    public static bool IsRevokedOn(CertificateData certificate, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.Revocation is { } r
            ? r.RevokedOn is null || r.RevokedOn <= day
            : string.Equals(certificate.StatusFlag, "revoked", StringComparison.OrdinalIgnoreCase);
    }
}
