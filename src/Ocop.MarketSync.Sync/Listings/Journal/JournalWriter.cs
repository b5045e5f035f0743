using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Sync.Listings.Journal;

/// <summary>
/// Commits the pusher's unit of work together with the append-only rows it produced (audit trail, write-back
/// outbox), in one transaction: a result is never stored without its audit row, nor the other way round.
/// </summary>
/// <remarks>
/// On PostgreSQL the appended rows go in with binary COPY: a full fan-out appends two rows per listing, and inserting
/// them through the change tracker (one INSERT … RETURNING each) cost a third of the push time. Other providers
/// (SQLite, one node) use the change tracker.
/// </remarks>
internal sealed class JournalWriter(MarketSyncDbContext db)
{
    private readonly List<PushAttempt> _attempts = [];
    private readonly List<WriteBack> _writeBacks = [];

    public void Add(PushAttempt attempt) => _attempts.Add(attempt);

    public void Add(WriteBack change) => _writeBacks.Add(change);

    public async Task CommitAsync()
    {
        if (_attempts.Count == 0 && _writeBacks.Count == 0)
        {
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }

        if (!db.Database.IsNpgsql())
        {
            db.PushAttempts.AddRange(_attempts);
            db.WriteBacks.AddRange(_writeBacks);
            await db.SaveChangesAsync(CancellationToken.None);
            Detach();
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        await db.SaveChangesAsync(CancellationToken.None);
        await PostgresCopy.AppendAsync(db, _attempts, CancellationToken.None);
        await PostgresCopy.AppendAsync(db, _writeBacks, CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        _attempts.Clear();
        _writeBacks.Clear();
    }

    private void Detach()
    {
        foreach (var entity in _attempts.Cast<object>().Concat(_writeBacks))
        {
            db.Entry(entity).State = EntityState.Detached;
        }

        _attempts.Clear();
        _writeBacks.Clear();
    }
}
