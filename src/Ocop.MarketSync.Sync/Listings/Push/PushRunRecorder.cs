using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Sync.Listings.Push;

/// <summary>
/// Keeps each channel's last push run that did something (<see cref="ChannelPushRun"/>), for Kênh bán and
/// <c>GET /api/channels</c>. A run that found nothing to do is not recorded: the every-minute safety net would
/// otherwise replace the run staff want to read with a row of zeros within a minute.
/// </summary>
public sealed class PushRunRecorder(MarketSyncDbContext db, TimeProvider time)
{
    public DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <returns>Whether the run was recorded (false for an idle run).</returns>
    public async Task<bool> RecordAsync(string channelId, PushSummary summary, DateTime startedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (!summary.DidSomething)
        {
            return false;
        }

        // One row per channel, and one push of a channel runs at a time (run lock): the insert races only with the
        // very first run on another node after a lock hand-over.
        var row = await db.ChannelPushRuns.FindAsync([channelId], cancellationToken);
        var isNew = row is null;
        row ??= db.ChannelPushRuns.Add(new ChannelPushRun { ChannelId = channelId }).Entity;
        row.StartedAt = startedAt;
        row.FinishedAt = Now;
        (row.Claimed, row.Created, row.Adopted, row.Updated) = (summary.Claimed, summary.Created, summary.Adopted, summary.Updated);
        (row.Failed, row.Throttled, row.Deferred) = (summary.Failed, summary.Throttled, summary.Deferred);
        (row.Calls, row.WriteBacks, row.StoppedBy) = (summary.Calls, summary.WriteBacks, summary.StoppedBy);
        row.StopReason = summary.StopReason is { Length: > 2000 } text ? text[..2000] : summary.StopReason;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (isNew)
        {
            // Another node recorded this channel's first run a moment ago; that run is as recent as ours.
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }

        return true;
    }
}
