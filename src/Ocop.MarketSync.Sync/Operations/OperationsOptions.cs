using System.ComponentModel.DataAnnotations;

namespace Ocop.MarketSync.Sync.Operations;

/// <summary>Section <c>Reconciliation</c>.</summary>
public sealed class ReconciliationOptions
{
    public const string SectionName = "Reconciliation";

    /// <summary>When every channel is reconciled, in Asia/Ho_Chi_Minh. Default 03:00, after the nightly full pull.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Reconciliation:Cron is required.")]
    public string Cron { get; set; } = "0 3 * * *";
}

/// <summary>Section <c>Certificates</c>.</summary>
public sealed class CertificateOptions
{
    public const string SectionName = "Certificates";

    /// <summary>The daily expiry job, in Asia/Ho_Chi_Minh: at midnight, when a certificate's last day has ended.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Certificates:ExpiryCron is required.")]
    public string ExpiryCron { get; set; } = "0 0 * * *";

    /// <summary>Producers are warned this many days before their certificate ends. Default 180, 120, 30.</summary>
    public int[] WarnDaysBefore { get; set; } = [180, 120, 30];
}

/// <summary>Section <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>Push attempts older than this many days are deleted by the nightly purge. Default 90.</summary>
    [Range(1, 3650, ErrorMessage = "Audit:RetentionDays must be between 1 and 3650.")]
    public int RetentionDays { get; set; } = 90;

    [Required(AllowEmptyStrings = false, ErrorMessage = "Audit:PurgeCron is required.")]
    public string PurgeCron { get; set; } = "30 4 * * *";
}

/// <summary>Section <c>WriteBack</c>: listing changes sent back to the registry.</summary>
public sealed class WriteBackOptions
{
    public const string SectionName = "WriteBack";

    /// <summary>Off when the registry has no write-back endpoint; changes are still recorded, just not sent.</summary>
    public bool Enabled { get; set; } = true;

    [Range(1, 1000, ErrorMessage = "WriteBack:BatchSize must be between 1 and 1000.")]
    public int BatchSize { get; set; } = 100;

    /// <summary>The safety net; a push that recorded changes triggers the send at once.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "WriteBack:Cron is required.")]
    public string Cron { get; set; } = "* * * * *";
}
