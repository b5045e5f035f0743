namespace Ocop.MarketSync.Data.Entities;

/// <summary>
/// The last push run of a channel that did something (claimed a listing, called the marketplace, or was stopped):
/// one row per channel, replaced by each such run. Staff read it on Kênh bán and in <c>GET /api/channels</c>; idle
/// runs (every minute, nothing to do) leave it alone, so it keeps saying what the channel last really did.
/// </summary>
public sealed class ChannelPushRun
{
    public required string ChannelId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }
    public int Claimed { get; set; }
    public int Created { get; set; }

    /// <summary>Listings that already existed on the marketplace under their SKU and were taken over, not created again.</summary>
    public int Adopted { get; set; }

    /// <summary>Listings whose price, stock, content or status was updated.</summary>
    public int Updated { get; set; }
    public int Failed { get; set; }

    /// <summary>Of <see cref="Failed"/>, those the marketplace rate-limited.</summary>
    public int Throttled { get; set; }

    /// <summary>Creates held back by the marketplace's daily quota until the next day.</summary>
    public int Deferred { get; set; }
    public int Calls { get; set; }
    public int WriteBacks { get; set; }

    /// <summary>The kind of error that stopped the run early (AuthExpired, Misconfigured), or null.</summary>
    public string? StoppedBy { get; set; }
    public string? StopReason { get; set; }
}
