namespace Ocop.MarketSync.Data.Entities;

/// <summary>
/// A warning to a producer that a certificate ends soon, at one lead time (e.g. 180, 120, 30 days). One row per
/// product, certificate end date and lead time, so a warning is recorded (and sent) once even if the job reruns.
/// </summary>
public sealed class CertificateWarning
{
    public long Id { get; set; }
    public long ProductId { get; set; }
    public required string RegistryId { get; set; }
    public DateOnly ValidUntil { get; set; }
    public int LeadDays { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>When every notifier accepted it; null while delivery is pending or failing.</summary>
    public DateTime? NotifiedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
