using Microsoft.Extensions.Logging;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Jobs;
using Ocop.MarketSync.Sync.Listings.Jobs;

namespace Ocop.MarketSync.Sync.Listings.Planning;

/// <summary>
/// Plans every enabled channel in one pass over the changed products (each read and decoded once, not once per
/// channel), then asks for the pushes that have work. A channel is planned here only while its push lock is held
/// (a push settling listings from what it read must not overwrite a plan made meanwhile); a channel being pushed
/// right now is left to plan itself in its push job's next round, which this pass asks for.
/// </summary>
public sealed class PlanningPass(
    ListingPlanner planner,
    ChannelCatalog channels,
    IRunLocks locks,
    RunRequests requests,
    IProductChangeSignal signal,
    ILogger<PlanningPass> logger)
{
    public async Task<PlanningPassResult> RunAsync(CancellationToken cancellationToken)
    {
        var held = new List<IAsyncDisposable>();
        var planned = new List<string>();
        var busy = new List<string>();
        IReadOnlyDictionary<string, PlanResult> results;
        try
        {
            foreach (var channel in channels.Enabled)
            {
                // No wait: a push holds its lock for as long as it pushes, and it plans first in its next round.
                var lease = await locks.TryAcquireAsync(PushChannelJob.Resource(channel.Id), TimeSpan.Zero, cancellationToken);
                if (lease is null)
                {
                    busy.Add(channel.Id);
                    continue;
                }

                held.Add(lease);
                planned.Add(channel.Id);
            }

            results = await planner.PlanChangedAsync(planned, cancellationToken);
        }
        finally
        {
            foreach (var lease in held)
            {
                await lease.DisposeAsync();
            }
        }

        var pushed = new List<string>(busy);
        foreach (var (channelId, result) in results)
        {
            // A push triggered while this pass held the lock left a request that nobody else will see.
            if (result.Dirty > 0 || await requests.IsSetAsync(ExclusiveRun.RerunKey(PushChannelJob.Resource(channelId)), CancellationToken.None))
            {
                pushed.Add(channelId);
            }
        }

        foreach (var channelId in pushed)
        {
            await signal.ChannelChangedAsync(channelId, CancellationToken.None);
        }

        var outcome = new PlanningPassResult(results, busy, pushed);
        logger.Log(outcome.Changed + outcome.Added > 0 || busy.Count > 0 ? LogLevel.Information : LogLevel.Debug,
            "Plan: {Planned} channel(s) in one pass, {Added} new and {Changed} changed listing(s), {Dirty} to push; push asked of {Pushed}; being pushed, so planning themselves: {Busy}",
            planned.Count, outcome.Added, outcome.Changed, outcome.Dirty, pushed.Count, busy.Count == 0 ? "none" : string.Join(", ", busy));
        return outcome;
    }
}

/// <summary>What a planning pass did, per channel planned; <see cref="Busy"/> channels were left to their push job.</summary>
public sealed record PlanningPassResult(IReadOnlyDictionary<string, PlanResult> Channels, IReadOnlyList<string> Busy, IReadOnlyList<string> Pushed)
{
    public int Added => Channels.Values.Sum(r => r.Added);
    public int Changed => Channels.Values.Sum(r => r.Changed);
    public int Dirty => Channels.Values.Sum(r => r.Dirty);
}
