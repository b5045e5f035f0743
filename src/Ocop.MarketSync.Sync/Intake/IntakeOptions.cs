using System.ComponentModel.DataAnnotations;
using Ocop.MarketSync.Sync.Intake.Rules;

namespace Ocop.MarketSync.Sync.Intake;

/// <summary>Section <c>Intake</c>: schedules and OCOP rules that are a choice rather than a law.</summary>
public sealed class IntakeOptions
{
    public const string SectionName = "Intake";

    /// <summary>Cron of the incremental pull (<c>registry-pull</c>). Default every 5 minutes.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Intake:PullCron is required.")]
    public string PullCron { get; set; } = "*/5 * * * *";

    /// <summary>Cron of the full pull (<c>registry-full</c>), which also retires withdrawn products. Default 02:00.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Intake:FullCron is required.")]
    public string FullCron { get; set; } = "0 2 * * *";

    /// <summary>Time zone for the schedules and for "today" in certificate validity. Default Asia/Ho_Chi_Minh.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Intake:TimeZone is required.")]
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>Trigger an incremental pull as soon as the service starts.</summary>
    public bool RunOnStart { get; set; } = true;

    /// <summary>
    /// A full pull that would retire more than this share of known products retires none and raises an alert
    /// (a registry outage or an empty export must never withdraw everything). Default 0.2.
    /// </summary>
    [Range(0.0, 1.0, ErrorMessage = "Intake:RetireGuardShare must be between 0 and 1.")]
    public double RetireGuardShare { get; set; } = 0.2;

    /// <summary>Certificate validity in months from the day of issue. Default 36.</summary>
    [Range(1, 120, ErrorMessage = "Intake:CertificateValidityMonths must be between 1 and 120.")]
    public int CertificateValidityMonths { get; set; } = 36;

    /// <summary>Whether the day of issue + N months is still valid. Default: it is not (issue + 36 months − 1 day).</summary>
    public LastValidDayRule LastValidDay { get; set; } = LastValidDayRule.IssuePlusMonthsMinusOneDay;

    /// <summary>
    /// How long every pull may fail before the registry counts as unreachable: an operational alert, readiness
    /// Degraded, one notice (and one more when it is back). Default 30 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00", ErrorMessage = "Intake:UnreachableAlertAfter must be between 00:00:00 and 7.00:00:00.")]
    public TimeSpan UnreachableAlertAfter { get; set; } = TimeSpan.FromMinutes(30);
}
