using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Pacing;

namespace Ocop.MarketSync.Sync.Listings.Push;

/// <summary>
/// Pushes a channel's dirty listings in lanes (<see cref="ListingPushLane"/>), each with its own unit of work and
/// client, all paced by the channel's published limits (<see cref="ChannelPacers"/>). A run starts with one lane;
/// <see cref="LaneGovernor"/> adds lanes, up to <see cref="ChannelOptions.MaxInFlight"/>, while they wait for the
/// marketplace rather than for the engine, and retires one that did not raise the calls per second. Every guarantee of one sequential pusher holds per listing: lookup before any
/// create, remote id committed as the create returns, aspects in order, one claimed listing in one place.
/// </summary>
public sealed class ListingPusher(
    IServiceScopeFactory scopes,
    MarketSyncDbContext db,
    ChannelCatalog channels,
    ChannelPacers pacers,
    ReviewTracker reviews,
    IntakeClock clock,
    ILogger<ListingPusher> logger)
{
    public async Task<PushSummary> PushAsync(string channelId, CancellationToken cancellationToken)
    {
        var channel = channels.Get(channelId);
        var capabilities = channels.Capabilities(channelId);

        // First what the marketplace decided since the last run, so an approved product goes on sale in this one.
        var reviewed = new PushSummary();
        await reviews.TrackAsync(channelId, channels.Client(channelId), capabilities, reviewed, cancellationToken);
        var now = clock.UtcNow;
        var due = await db.Listings.CountAsync(
            l => l.ChannelId == channelId && l.Dirty && (l.NextAttemptAt == null || l.NextAttemptAt <= now), cancellationToken);
        var run = new PushRun(channel, capabilities, pacers.For(channelId), await QuotaAsync(channelId, capabilities, cancellationToken), due);
        var (summaries, lanes) = await RunLanesAsync(run, channel.MaxInFlight, cancellationToken);
        var summary = new PushSummary { Lanes = lanes, ReviewsApproved = reviewed.ReviewsApproved, ReviewsRejected = reviewed.ReviewsRejected, Calls = reviewed.Calls };
        foreach (var lane in summaries)
        {
            summary.Add(lane);
        }

        if (run.StoppedBy is { } reason)
        {
            summary.StoppedBy = reason.GetType().Name;
            summary.StopReason = reason.RequestId is null ? reason.Message : $"{reason.Message} (request {reason.RequestId})";
            summary.StoppedForReauth = reason is MarketplaceError.AuthExpired;
            // The alert itself (state, notice) is raised once by the job: OperationalAlerts.
            logger.LogWarning("Channel {Channel}: pushing stops ({Kind}: {Message}); it resumes when a person has fixed it",
                channelId, reason.GetType().Name, reason.Message);
        }

        // One line per run that did something; the every-minute run that found nothing dirty stays at Debug.
        logger.Log(summary.DidSomething ? LogLevel.Information : LogLevel.Debug,
            "Push {Channel}: {Claimed} claimed, {Created} created, {Adopted} found by SKU, {Updated} aspect updates, {Failed} failed ({Throttled} throttled), {Deferred} held back (daily quota, marketplace review), {SentForReview} sent for review ({Approved} approved, {Rejected} rejected since the last run), {Calls} calls in {Lanes} lanes",
            channelId, summary.Claimed, summary.Created, summary.Adopted, summary.Updated, summary.Failed, summary.Throttled, summary.Deferred,
            summary.SentForReview, summary.ReviewsApproved, summary.ReviewsRejected, summary.Calls, lanes);
        return summary;
    }

    /// <summary>
    /// Starts one lane, then follows the governor: a lane more while the lanes wait on the marketplace, one fewer when
    /// the last one added did not raise the calls per second (it finishes its claimed batch, then stops).
    /// </summary>
    /// <returns>Each lane's summary, and the most lanes that ran at once.</returns>
    private async Task<(PushSummary[] Lanes, int Most)> RunLanesAsync(PushRun run, int most, CancellationToken cancellationToken)
    {
        var governor = new LaneGovernor(run.Pace, most);
        var running = new List<Task<PushSummary>> { LaneAsync(run, cancellationToken) };
        var peak = 1;
        while (!cancellationToken.IsCancellationRequested)
        {
            var all = Task.WhenAll(running);
            if (await Task.WhenAny(all, Task.Delay(LaneGovernor.Interval, CancellationToken.None)) == all)
            {
                break;
            }

            // A lane asked to retire still runs its claimed batch to the end; it no longer counts.
            var lanes = running.Count(t => !t.IsCompleted) - run.Retiring;
            if (run.Stopped || !run.HasUnclaimed || lanes <= 0)
            {
                continue;
            }

            switch (governor.Look(lanes))
            {
                case LaneChange.Add:
                    running.Add(LaneAsync(run, cancellationToken));
                    peak = Math.Max(peak, lanes + 1);
                    logger.LogDebug("Push {Channel}: lane {Lanes} added at {Rate:0.0} calls/s", run.ChannelId, lanes + 1, governor.LastRate);
                    break;
                case LaneChange.Retire when lanes > 1:
                    run.RetireOne();
                    logger.LogDebug("Push {Channel}: lane {Lanes} retired, {Rate:0.0} calls/s with it", run.ChannelId, lanes, governor.LastRate);
                    break;
            }
        }

        return (await Task.WhenAll(running), peak);
    }

    private async Task<PushSummary> LaneAsync(PushRun run, CancellationToken cancellationToken)
    {
        // A scope per lane: its own DbContext (not thread-safe) and its own client for the run.
        await using var scope = scopes.CreateAsyncScope();
        var lane = scope.ServiceProvider.GetRequiredService<ListingPushLane>();
        return await lane.RunAsync(run, channels.Client(run.ChannelId), cancellationToken);
    }

    /// <summary>The creates left today under the marketplace's daily quota: the audit trail counts those sent since the day began.</summary>
    private async Task<CreateQuota?> QuotaAsync(string channelId, MarketplaceCapabilities capabilities, CancellationToken cancellationToken)
    {
        if (capabilities.DailyCreateQuota is not { } limit)
        {
            return null;
        }

        var today = clock.Today;
        var dayStart = TimeZoneInfo.ConvertTimeToUtc(today.ToDateTime(TimeOnly.MinValue), clock.Zone);
        var nextDay = TimeZoneInfo.ConvertTimeToUtc(today.AddDays(1).ToDateTime(TimeOnly.MinValue), clock.Zone);
        // Every create sent counts, answered or not: a create whose answer was lost may well have used the quota.
        var sent = await db.PushAttempts.CountAsync(a => a.ChannelId == channelId && a.Operation == "Create" && a.At >= dayStart, cancellationToken);
        return new CreateQuota(limit, limit - sent, nextDay);
    }
}
