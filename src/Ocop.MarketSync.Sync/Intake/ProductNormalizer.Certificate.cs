using System.Globalization;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Registry.Records;
using Ocop.MarketSync.Sync.Intake.Rules;

namespace Ocop.MarketSync.Sync.Intake;

public sealed partial class ProductNormalizer
{
    /// <summary>The last valid day of a certificate issued on <paramref name="issuedOn"/>, by the configured rule.</summary>
    public DateOnly LastValidDay(DateOnly issuedOn)
    {
        var end = issuedOn.AddMonths(_options.CertificateValidityMonths);
        return _options.LastValidDay switch
        {
            LastValidDayRule.IssuePlusMonthsMinusOneDay => end.AddDays(-1),
            LastValidDayRule.IssuePlusMonths => end,
            _ => throw new InvalidOperationException($"Unknown rule Intake:LastValidDay={_options.LastValidDay}."),
        };
    }

    private CertificateData? NormalizeCertificate(
        RegistryCertificate? source, DateOnly today, Func<string?, string?> text, IssueCollector issues)
    {
        if (source is null)
        {
            issues.Quarantine(IssueCodes.CertificateMissing, "certificate missing");
            return null;
        }

        var decision = text(source.DecisionNumber);
        if (decision is null)
        {
            issues.Quarantine(IssueCodes.CertificateDecisionMissing, "certificate decision number missing");
        }

        var revocation = source.Revocation is null
            ? null
            : new RevocationData
            {
                DecisionNumber = text(source.Revocation.DecisionNumber),
                RevokedOn = source.Revocation.RevokedOn,
                IssuedBy = text(source.Revocation.IssuedBy),
                Reason = text(source.Revocation.Reason),
            };
        var certificate = new CertificateData
        {
            DecisionNumber = decision,
            IssuedOn = source.IssuedOn,
            ExpiresOn = source.ExpiresOn,
            IssuedBy = text(source.IssuedBy),
            StatusFlag = text(source.Status),
            Revocation = revocation,
        };
        if (source.IssuedOn is not { } issuedOn)
        {
            issues.Quarantine(IssueCodes.CertificateIssuedOnMissing, "certificate issue date missing: validity cannot be decided");
            return certificate;
        }

        if (source.ExpiresOn is { } expiresOn && expiresOn < issuedOn)
        {
            // Not "expired": the record contradicts itself, and only the registry can say which date is wrong.
            issues.Quarantine(IssueCodes.CertificateDatesInconsistent,
                $"certificate expiry {Day(expiresOn)} is before its issue date {Day(issuedOn)}: the registry must correct one of them");
            return certificate;
        }

        var byRule = LastValidDay(issuedOn);
        var validUntil = byRule;
        if (source.ExpiresOn is { } stated && stated != byRule)
        {
            if (stated > byRule)
            {
                issues.Warn(IssueCodes.CertificateExpiryBeyondRule,
                    $"stated expiry {Day(stated)} is later than issue + {_options.CertificateValidityMonths} months ({Day(byRule)}); {Day(byRule)} is used");
            }
            else
            {
                validUntil = stated;
            }
        }

        certificate = certificate with { ValidUntil = validUntil };
        var revoked = CertificateValidity.IsRevokedOn(certificate, today);
        if (revoked)
        {
            issues.Ineligible(IssueCodes.CertificateRevoked, RevokedMessage(certificate));
        }
        else if (today < issuedOn)
        {
            issues.Ineligible(IssueCodes.CertificateNotYetValid, $"certificate valid only from {Day(issuedOn)}");
        }
        else if (today > validUntil)
        {
            issues.Ineligible(IssueCodes.CertificateExpired, $"certificate expired on {Day(validUntil)}");
        }

        var validByDates = CertificateValidity.IsValidOn(certificate, today);
        var flagSaysValid = string.Equals(certificate.StatusFlag, "valid", StringComparison.OrdinalIgnoreCase);
        if (certificate.StatusFlag is not null && flagSaysValid != validByDates)
        {
            issues.Info(IssueCodes.CertificateStatusStale,
                $"registry status '{certificate.StatusFlag}' disagrees with the dates and revocation record, which decide");
        }

        return certificate;
    }

    private static string RevokedMessage(CertificateData certificate)
    {
        if (certificate.Revocation is not { } r)
        {
            return "certificate revoked (registry status 'revoked'; no revocation decision given)";
        }

        var message = "certificate revoked";
        if (r.RevokedOn is { } on)
        {
            message += " on " + Day(on);
        }

        if (r.DecisionNumber is not null)
        {
            message += $" by decision {r.DecisionNumber}";
        }

        if (r.IssuedBy is not null)
        {
            message += $" ({r.IssuedBy})";
        }

        return r.Reason is null ? message : $"{message}: {r.Reason}";
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
