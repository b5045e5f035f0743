namespace Ocop.MarketSync.Data.Entities;

/// <summary>
/// Outbox of listing changes the registry must learn about (became Active, URL changed, delisted). Written in
/// the same transaction as the change, sent in batches by the write-back job; the key makes a resend harmless.
/// </summary>
public sealed class WriteBack
{
    public long Id { get; set; }

    /// <summary>Idempotency key of this change: the registry ignores a key it has already applied.</summary>
    public required string Key { get; set; }
    public required string RegistryId { get; set; }
    public required string ChannelId { get; set; }
    public required string Marketplace { get; set; }
    public string? Url { get; set; }

    /// <summary>"active", "delisted", "price-held" or "price-kept" (the last three with their reasons).</summary>
    public required string State { get; set; }
    public string? Reason { get; set; }

    /// <summary>The codes of the reasons, comma-separated; the sender adds their Vietnamese and English texts.</summary>
    public string? ReasonCodes { get; set; }

    /// <summary>When the change happened (not when it was sent).</summary>
    public DateTime At { get; set; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
}
