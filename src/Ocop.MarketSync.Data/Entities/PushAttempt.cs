namespace Ocop.MarketSync.Data.Entities;

/// <summary>
/// The audit trail: one row per aspect of one listing per marketplace call, with the values sent and the answer.
/// Append-only (never updated); rows older than <c>Audit:RetentionDays</c> are deleted by the nightly purge.
/// </summary>
public sealed class PushAttempt
{
    public long Id { get; set; }
    public long ListingId { get; set; }
    public required string ChannelId { get; set; }

    /// <summary>Create, Lookup (adopted by SKU), Stock, Status, Price or Content.</summary>
    public required string Operation { get; set; }

    /// <summary>The values sent, as JSON (e.g. <c>{"priceVnd":125000}</c>); the full content for creates and content updates.</summary>
    public required string Sent { get; set; }

    /// <summary>"ok" or the error kind of the taxonomy (Transient, RateLimited, Rejected…).</summary>
    public required string Result { get; set; }
    public string? Message { get; set; }
    public string? RequestId { get; set; }
    public string? RemoteId { get; set; }
    public DateTime At { get; set; }
}
