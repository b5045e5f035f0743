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

        var finishedAt = Now;
        var reason = summary.StopReason is { Length: > 2000 } text ? text[..2000] : summary.StopReason;

        // An update in place first: one row per channel, and only one push of a channel runs at a time (run lock),
        // so the insert below races only with the very first run on another node after a lock hand-over.
        var updated = await db.ChannelPushRuns.Where(r => r.ChannelId == channelId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.StartedAt, startedAt).SetProperty(r => r.FinishedAt, finishedAt)
            .SetProperty(r => r.Claimed, summary.Claimed).SetProperty(r => r.Created, summary.Created)
            .SetProperty(r => r.Adopted, summary.Adopted).SetProperty(r => r.Updated, summary.Updated)
            .SetProperty(r => r.Failed, summary.Failed).SetProperty(r => r.Throttled, summary.Throttled)
            .SetProperty(r => r.Deferred, summary.Deferred).SetProperty(r => r.Calls, summary.Calls)
            .SetProperty(r => r.WriteBacks, summary.WriteBacks).SetProperty(r => r.StoppedBy, summary.StoppedBy)
            .SetProperty(r => r.StopReason, reason), cancellationToken);
        if (updated > 0)
        {
            return true;
        }

        var row = new ChannelPushRun
        {
            ChannelId = channelId, StartedAt = startedAt, FinishedAt = finishedAt,
            Claimed = summary.Claimed, Created = summary.Created, Adopted = summary.Adopted, Updated = summary.Updated,
            Failed = summary.Failed, Throttled = summary.Throttled, Deferred = summary.Deferred, Calls = summary.Calls,
            WriteBacks = summary.WriteBacks, StoppedBy = summary.StoppedBy, StopReason = reason,
        };
        db.ChannelPushRuns.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
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
