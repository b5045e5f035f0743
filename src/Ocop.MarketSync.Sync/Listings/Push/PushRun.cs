using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Pacing;

namespace Ocop.MarketSync.Sync.Listings.Push;

/// <summary>What the lanes of one push run of a channel share: its limits, its pace, its quota, and whether to stop.</summary>
internal sealed class PushRun(
    ChannelOptions channel, MarketplaceCapabilities capabilities, ChannelPace pace, CreateQuota? quota, int due)
{
    private MarketplaceError? _stoppedBy;
    private int _unclaimed = due;
    private int _retiring;

    public string ChannelId => Channel.Id;
    public ChannelOptions Channel { get; } = channel;
    public MarketplaceCapabilities Capabilities { get; } = capabilities;
    public ChannelPace Pace { get; } = pace;
    public CreateQuota? Quota { get; } = quota;

    /// <summary>
    /// Listings for a lane's next claim: as many as one lookup call takes while there is plenty, fewer towards the end
    /// so that the lanes share the last of the work (a lane alone with 100 one-item creates would push them for
    /// seconds after the others ran dry), never fewer than one write call carries. The share is of the lanes the run
    /// may grow to, not of those running: a lane the governor adds later must still find work.
    /// </summary>
    public int NextClaimSize()
    {
        var writes = Capabilities.BatchSize
            .Where(b => b.Key is not (MarketplaceOperation.FindBySellerSku or MarketplaceOperation.PageItems))
            .Select(b => b.Value).DefaultIfEmpty(1).Max();
        var most = Math.Min(Channel.ClaimBatchSize, Math.Max(writes, Capabilities.BatchSize.GetValueOrDefault(MarketplaceOperation.FindBySellerSku, 1)));
        var least = Math.Min(most, writes);
        var lanes = Channel.MaxInFlight;
        var share = (Math.Max(0, Volatile.Read(ref _unclaimed)) + lanes - 1) / lanes;
        return Math.Clamp(share, least, most);
    }

    /// <summary>Some of the listings due when the run began are not claimed yet: another lane would have work.</summary>
    public bool HasUnclaimed => Volatile.Read(ref _unclaimed) > 0;

    /// <summary>A lane claimed this many: fewer are left for the others.</summary>
    public void Claimed(int count) => Interlocked.Add(ref _unclaimed, -count);

    /// <summary>Lanes asked to stop that have not yet reached their next claim.</summary>
    public int Retiring => Math.Max(0, Volatile.Read(ref _retiring));

    /// <summary>The next lane to look for work stops instead: the governor found one lane too many.</summary>
    public void RetireOne() => Interlocked.Increment(ref _retiring);

    /// <summary>Called by a lane before it claims: true when it is the one to stop.</summary>
    public bool TryRetire()
    {
        while (true)
        {
            var retiring = Volatile.Read(ref _retiring);
            if (retiring <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _retiring, retiring - 1, retiring) == retiring)
            {
                return true;
            }
        }
    }

    /// <summary>The error that stops the channel (authorisation gone, configuration wrong), if one did.</summary>
    public MarketplaceError? StoppedBy => Volatile.Read(ref _stoppedBy);

    public bool Stopped => StoppedBy is not null;

    /// <summary>Every lane stops before its next call; the first reason is kept.</summary>
    public void Stop(MarketplaceError reason) => Interlocked.CompareExchange(ref _stoppedBy, reason, null);
}

/// <summary>
/// The creates a shop may still make today (the marketplace's daily quota less what the audit trail shows was sent
/// since the day began), shared by the lanes of a run.
/// </summary>
internal sealed class CreateQuota(int limit, int left, DateTime nextDayUtc)
{
    private int _left = Math.Max(0, left);

    public int Limit { get; } = limit;

    public int Left => Volatile.Read(ref _left);

    /// <summary>Takes up to <paramref name="wanted"/> creates from what is left; returns how many were granted.</summary>
    public int Take(int wanted)
    {
        while (true)
        {
            var left = Volatile.Read(ref _left);
            var granted = Math.Min(left, wanted);
            if (Interlocked.CompareExchange(ref _left, left - granted, left) == left)
            {
                return granted;
            }
        }
    }

    /// <summary>What a listing beyond the quota records: it waits until the next day starts, no attempt counted.</summary>
    public MarketplaceError.Deferred Deferral(DateTime now) =>
        new(nextDayUtc - now, $"Daily create quota of {Limit} reached; the item is created after {nextDayUtc:yyyy-MM-dd HH:mm} UTC, when the marketplace's day begins");
}
