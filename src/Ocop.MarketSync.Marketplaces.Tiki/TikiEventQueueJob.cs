using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Jobs;
using Ocop.MarketSync.Sync.Listings.Jobs;
using Ocop.MarketSync.Sync.Listings.Reconciliation;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Tiki;

/// <summary>
/// <c>tiki-events:{channel}</c>: drains the channel's Tiki event queue (<see cref="TikiEventQueueReader"/>) and queues
/// one <see cref="MarketplaceHintJob"/> per hint, exactly as a webhook would, so a price or stock edited by hand in
/// Seller Center is read back and re-asserted within minutes instead of at the nightly reconciliation.
/// </summary>
/// <remarks>
/// Tiki delivers at least once: a pull that sends the previous batch's ack id acknowledges that batch. The ack id is
/// stored (row <c>tiki-events:{channel}</c> of <c>intake_cursors</c>) only after the batch's hints are queued, so a
/// crash in between means the batch comes again (a repeated hint costs one read). The class, namespace and method
/// are a persisted contract of Hangfire. Not registered in the container: Hangfire's activator builds it from the
/// host's services (it needs the database and Hangfire, which adapter-only containers do not have).
/// </remarks>
public sealed class TikiEventQueueJob(
    TikiEventQueueReader reader,
    ChannelCatalog channels,
    MarketSyncDbContext db,
    IBackgroundJobClient jobs,
    ExclusiveRun exclusive,
    TimeProvider time,
    ILogger<TikiEventQueueJob> logger)
{
    /// <summary>Bounds one run: a queue filling faster than this leaves the rest to the next run, a minute later.</summary>
    public const int MaxPullsPerRun = 20;

    /// <summary>The recurring job id, the run lock and the key of the stored ack id (fits <c>intake_cursors.source</c>, 64).</summary>
    public static string Resource(string channelId) => "tiki-events:" + channelId;

    [JobDisplayName("Pull Tiki events for channel {0}")]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task<string> RunAsync(string channelId, CancellationToken cancellationToken)
    {
        var channel = channels.Get(channelId);
        if (!channel.Enabled || !reader.HasQueue(channel))
        {
            return $"Channel {channelId} has no Tiki event queue to pull.";
        }

        var summary = $"Tiki events of {channelId}: skipped, another node is pulling them.";
        // One puller per queue: two would acknowledge each other's batches before their hints were queued.
        await exclusive.RunAsync(Resource(channelId), async () => summary = await DrainAsync(channel, cancellationToken), rerun: false);
        return summary;
    }

    private async Task<string> DrainAsync(ChannelOptions channel, CancellationToken cancellationToken)
    {
        var ack = await StoredAckAsync(channel.Id, cancellationToken);
        var (pulls, events, hints) = (0, 0, 0);
        while (pulls < MaxPullsPerRun)
        {
            TikiEventBatch batch;
            try
            {
                batch = await reader.PullAsync(channel, ack, cancellationToken);
            }
            catch (MarketplaceException ex)
            {
                // The unacknowledged batch comes again next run; nothing is lost by stopping here.
                logger.LogWarning("Tiki event queue of {Channel}: pull failed ({Error}); next run tries again", channel.Id, ex.Error.Message);
                return $"Tiki events of {channel.Id}: pull failed after {pulls} pull(s), {hints} hint(s) queued: {ex.Error.Message}";
            }

            pulls++;
            foreach (var hint in batch.Hints)
            {
                jobs.Enqueue<MarketplaceHintJob>(PushQueues.For(TikiCapabilities.Marketplace),
                    job => job.RunAsync(hint.ChannelId, hint.Kind, hint.RemoteId, hint.Detail, CancellationToken.None));
            }

            hints += batch.Hints.Count;
            events += batch.Events;
            if (batch.AckId != ack)
            {
                // Only now: the hints are in Hangfire's storage, so acknowledging the batch cannot lose them.
                await StoreAckAsync(channel.Id, batch.AckId, cancellationToken);
                ack = batch.AckId;
            }

            // Pull until a batch comes back empty, not just while batches are full: the empty pull also acknowledges
            // the last batch at once, where otherwise it would stay outstanding (and be redelivered) until the next run.
            if (batch.Events == 0)
            {
                break;
            }
        }

        if (hints > 0)
        {
            logger.LogInformation("Tiki event queue of {Channel}: {Events} event(s) in {Pulls} pull(s), {Hints} hint(s) queued", channel.Id, events, pulls, hints);
        }

        return $"Tiki events of {channel.Id}: {events} event(s) in {pulls} pull(s), {hints} hint(s) queued.";
    }

    private Task<string?> StoredAckAsync(string channelId, CancellationToken cancellationToken) =>
        db.IntakeCursors.AsNoTracking().Where(c => c.Source == Resource(channelId)).Select(c => c.Cursor).FirstOrDefaultAsync(cancellationToken);

    private async Task StoreAckAsync(string channelId, string? ackId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var row = await db.IntakeCursors.AsTracking().FirstOrDefaultAsync(c => c.Source == Resource(channelId), cancellationToken);
        if (row is null)
        {
            db.IntakeCursors.Add(new IntakeCursor { Source = Resource(channelId), Cursor = ackId, UpdatedAt = now });
        }
        else
        {
            row.Cursor = ackId;
            row.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
