namespace Ocop.MarketSync.Sync.Listings.Push;

/// <summary>What one push run of a channel did.</summary>
public sealed class PushSummary
{
    public int Claimed { get; set; }
    public int Created { get; set; }
    public int Adopted { get; set; }
    public int Updated { get; set; }
    public int Failed { get; set; }

    /// <summary>Of <see cref="Failed"/>, those the marketplace rate-limited (they wait for its window, not for a fix).</summary>
    public int Throttled { get; set; }
    public int Calls { get; set; }

    /// <summary>
    /// Writes held back, uncounted: creates beyond the marketplace's daily quota (they wait for the next day) and
    /// changes the marketplace asked to hold (<see cref="Marketplaces.MarketplaceError.Deferred"/>: Sendo's review).
    /// </summary>
    public int Deferred { get; set; }

    /// <summary>Creates and content updates the marketplace took for review instead of applying (Tiki).</summary>
    public int SentForReview { get; set; }

    /// <summary>Reviews the marketplace decided since the last run: approved, and rejected (with its reason on the listing).</summary>
    public int ReviewsApproved { get; set; }
    public int ReviewsRejected { get; set; }

    /// <summary>How many lanes pushed at once (calls in flight at most).</summary>
    public int Lanes { get; set; }

    /// <summary>Changes queued for the registry's write-back (became active, URL changed, delisted).</summary>
    public int WriteBacks { get; set; }
    public bool StoppedForReauth { get; set; }

    /// <summary>The kind of error that stopped the run early (AuthExpired, Misconfigured), or null.</summary>
    public string? StoppedBy { get; set; }

    /// <summary>The message of that error (with the marketplace's request id when it gave one).</summary>
    public string? StopReason { get; set; }

    /// <summary>Adds what one lane of the run did.</summary>
    public void Add(PushSummary lane)
    {
        ArgumentNullException.ThrowIfNull(lane);
        Claimed += lane.Claimed;
        Created += lane.Created;
        Adopted += lane.Adopted;
        Updated += lane.Updated;
        Failed += lane.Failed;
        Throttled += lane.Throttled;
        Calls += lane.Calls;
        Deferred += lane.Deferred;
        WriteBacks += lane.WriteBacks;
        SentForReview += lane.SentForReview;
    }

    /// <summary>Whether the run touched the marketplace or a listing at all; an idle run is logged at Debug only.</summary>
    public bool DidSomething => Claimed > 0 || Calls > 0 || StoppedBy is not null || ReviewsApproved > 0 || ReviewsRejected > 0;
}
