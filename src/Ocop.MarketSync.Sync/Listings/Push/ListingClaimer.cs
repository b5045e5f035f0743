using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Sync.Listings.Push;

/// <summary>
/// Claims dirty listings of a channel that are due, in one statement that marks and returns them. On PostgreSQL with
/// <c>FOR UPDATE SKIP LOCKED</c>, so pushers on several nodes never take the same rows; on SQLite (one node)
/// the same statement without it. A claim is a lease: a pusher that dies loses it when it runs out, or sooner, when
/// the next run of its channel releases it (<see cref="ReleaseOrphanedAsync"/>).
/// </summary>
public sealed class ListingClaimer(MarketSyncDbContext db)
{
    /// <returns>The claimed listings, tracked, in id order.</returns>
    public async Task<IReadOnlyList<Listing>> ClaimAsync(string channelId, int count, DateTime now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var until = now + lease;
        var schema = db.Database.IsNpgsql() ? MarketSyncDbContext.Schema + "." : string.Empty;
        var lockClause = db.Database.IsNpgsql() ? "FOR UPDATE SKIP LOCKED" : string.Empty;
        var trueValue = db.Database.IsNpgsql() ? "true" : "1";

        // Due first (never tried, then the longest waiting); stock-only changes are not told apart here
        // because every batch sends stock before anything else.
        var sql = $$"""
            UPDATE {{schema}}listings SET claimed_until = {0}
            WHERE id IN (
                SELECT id FROM {{schema}}listings
                WHERE channel_id = {1} AND dirty = {{trueValue}}
                  AND (next_attempt_at IS NULL OR next_attempt_at <= {2})
                  AND (claimed_until IS NULL OR claimed_until < {2})
                ORDER BY next_attempt_at NULLS FIRST, id
                LIMIT {3}
                {{lockClause}})
            RETURNING *
            """;
        // Not composed further (EF would wrap an UPDATE in a sub-select): sorted in memory.
        var claimed = await db.Listings.FromSqlRaw(sql, until, channelId, now, count).AsTracking().ToListAsync(cancellationToken);
        return [.. claimed.OrderBy(l => l.Id)];
    }

    /// <summary>
    /// Extends the lease on listings still held under <paramref name="heldUntil"/>; one whose lease ran out and that
    /// another lane claimed since is held under another time and is not renewed.
    /// </summary>
    /// <returns>The ids renewed.</returns>
    public async Task<IReadOnlySet<long>> RenewAsync(IReadOnlyCollection<long> ids, DateTime heldUntil, DateTime until, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new HashSet<long>();
        }

        var schema = db.Database.IsNpgsql() ? MarketSyncDbContext.Schema + "." : string.Empty;
        // One statement that renews and tells which it renewed, so that no lane can claim a row in between. The ids
        // are numbers the lane read from the database, written into the statement as such.
        var sql = $$"""
            UPDATE {{schema}}listings SET claimed_until = {0}
            WHERE claimed_until = {1} AND id IN ({{string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)))}})
            RETURNING id AS "Value"
            """;
        var renewed = await db.Database.SqlQueryRaw<long>(sql, until, heldUntil).ToListAsync(cancellationToken);
        return renewed.ToHashSet();
    }

    /// <summary>
    /// Releases every claim on the channel. Only for the holder of the channel's run lock: one pusher runs per
    /// channel, so any claim it finds was left by a run that died (a node killed mid-push), and waiting for its
    /// lease would stall those listings for minutes after the node came back.
    /// </summary>
    /// <returns>How many claims were released.</returns>
    public Task<int> ReleaseOrphanedAsync(string channelId, CancellationToken cancellationToken) =>
        db.Listings.Where(l => l.ChannelId == channelId && l.ClaimedUntil != null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ClaimedUntil, (DateTime?)null), cancellationToken);
}
