namespace Ocop.MarketSync.Data.Entities;

public enum ReconciliationStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// One reconciliation of a channel: every remote item under our SKU prefix compared with what we pushed and
/// what we want. The counts are the report; the findings (one row per drifted, missing, banned or orphaned item)
/// are in <see cref="ReconciliationFinding"/>.
/// </summary>
public sealed class ReconciliationRun
{
    public long Id { get; set; }
    public required string ChannelId { get; set; }

    /// <summary>"schedule" or the staff user who asked for it.</summary>
    public required string RequestedBy { get; set; }

    public ReconciliationStatus Status { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    /// <summary>Remote items read under our prefix.</summary>
    public int Checked { get; set; }
    public int InSync { get; set; }
    public int DriftedPrice { get; set; }
    public int DriftedStock { get; set; }
    public int DriftedContent { get; set; }
    public int DriftedStatus { get; set; }

    /// <summary>Listings we hold as created that the marketplace no longer has (deleted in seller centre).</summary>
    public int Missing { get; set; }
    public int Banned { get; set; }

    /// <summary>Remote items with our prefix and no listing of ours (made by hand, or duplicates).</summary>
    public int Orphaned { get; set; }

    /// <summary>Listings skipped because a push touched them during the run (their state is settling).</summary>
    public int SkippedBusy { get; set; }
    public string? Error { get; set; }
}

public enum ReconciliationFindingKind
{
    Drifted,
    Missing,
    Banned,
    Orphaned,
}

/// <summary>One item a reconciliation found not as it should be, and what was done about it.</summary>
public sealed class ReconciliationFinding
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public ReconciliationFindingKind Kind { get; set; }
    public long? ListingId { get; set; }
    public required string SellerSku { get; set; }
    public string? RemoteId { get; set; }

    /// <summary>For drift: the aspects that differed (flags of <see cref="ListingAspect"/>).</summary>
    public ListingAspect Aspects { get; set; }

    /// <summary>What differed, e.g. "price 120000 → expected 125000", in words for staff.</summary>
    public required string Detail { get; set; }
}
