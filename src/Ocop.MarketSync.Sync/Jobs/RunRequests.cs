using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Sync.Jobs;

/// <summary>
/// Small shared flags in the database (<c>run_requests</c>), visible to every node: "run this again" for a job that
/// was busy, and "already queued" to coalesce triggers. Writes bypass the change tracker, so they never mix with
/// the unit of work of the job around them.
/// </summary>
public sealed class RunRequests(MarketSyncDbContext db, TimeProvider time)
{
    /// <summary>Sets the flag (or refreshes its time).</summary>
    public async Task SetAsync(string resource, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (await db.RunRequests.Where(r => r.Resource == resource)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.RequestedAt, now), cancellationToken) > 0)
        {
            return;
        }

        await TryInsertAsync(resource, now, cancellationToken);
    }

    /// <summary>
    /// Sets the flag only if it is not set (or was set longer ago than <paramref name="staleAfter"/>, in case whoever
    /// should have cleared it died). True when this caller set it, and so owns the follow-up (e.g. enqueuing).
    /// </summary>
    public async Task<bool> TrySetAsync(string resource, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var stale = now - staleAfter;
        if (await db.RunRequests.Where(r => r.Resource == resource && r.RequestedAt < stale)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.RequestedAt, now), cancellationToken) > 0)
        {
            return true;
        }

        return await TryInsertAsync(resource, now, cancellationToken);
    }

    /// <returns>True when the flag was set (and is now cleared).</returns>
    public async Task<bool> ClearAsync(string resource, CancellationToken cancellationToken) =>
        await db.RunRequests.Where(r => r.Resource == resource).ExecuteDeleteAsync(cancellationToken) > 0;

    public Task<bool> IsSetAsync(string resource, CancellationToken cancellationToken) =>
        db.RunRequests.AsNoTracking().AnyAsync(r => r.Resource == resource, cancellationToken);

    /// <summary>
    /// One statement on both engines, the primary key deciding between nodes: a concurrent insert is the normal case
    /// here (two triggers at once), not an error, so it must not surface as a failed command in the logs.
    /// </summary>
    private async Task<bool> TryInsertAsync(string resource, DateTime now, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(RunRequest))!;
        var table = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
#pragma warning disable EF1002 // Only the model's own table name is interpolated; every value is a parameter.
        var inserted = await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO {table} (resource, requested_at) VALUES ({{0}}, {{1}}) ON CONFLICT (resource) DO NOTHING",
            [resource, now], cancellationToken);
#pragma warning restore EF1002
        return inserted == 1;
    }
}
