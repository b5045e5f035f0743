using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
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
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await CopyAttemptsAsync(connection);
        await CopyWriteBacksAsync(connection);
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

    private async Task CopyAttemptsAsync(NpgsqlConnection connection)
    {
        if (_attempts.Count == 0)
        {
            return;
        }

        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY {MarketSyncDbContext.Schema}.push_attempts (listing_id, channel_id, operation, sent, result, message, request_id, remote_id, at) FROM STDIN (FORMAT BINARY)");
        foreach (var a in _attempts)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(a.ListingId, NpgsqlDbType.Bigint);
            await copy.WriteAsync(a.ChannelId, NpgsqlDbType.Varchar);
            await copy.WriteAsync(a.Operation, NpgsqlDbType.Varchar);
            await copy.WriteAsync(a.Sent, NpgsqlDbType.Text);
            await copy.WriteAsync(a.Result, NpgsqlDbType.Varchar);
            await WriteNullableAsync(copy, a.Message);
            await WriteNullableAsync(copy, a.RequestId);
            await WriteNullableAsync(copy, a.RemoteId);
            await copy.WriteAsync(a.At, NpgsqlDbType.TimestampTz);
        }

        await copy.CompleteAsync();
    }

    private async Task CopyWriteBacksAsync(NpgsqlConnection connection)
    {
        if (_writeBacks.Count == 0)
        {
            return;
        }

        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY {MarketSyncDbContext.Schema}.write_backs (key, registry_id, channel_id, marketplace, url, state, reason, at, attempts) FROM STDIN (FORMAT BINARY)");
        foreach (var w in _writeBacks)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(w.Key, NpgsqlDbType.Varchar);
            await copy.WriteAsync(w.RegistryId, NpgsqlDbType.Varchar);
            await copy.WriteAsync(w.ChannelId, NpgsqlDbType.Varchar);
            await copy.WriteAsync(w.Marketplace, NpgsqlDbType.Varchar);
            await WriteNullableAsync(copy, w.Url);
            await copy.WriteAsync(w.State, NpgsqlDbType.Varchar);
            await WriteNullableAsync(copy, w.Reason);
            await copy.WriteAsync(w.At, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(w.Attempts, NpgsqlDbType.Integer);
        }

        await copy.CompleteAsync();
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            await copy.WriteNullAsync();
        }
        else
        {
            await copy.WriteAsync(value, NpgsqlDbType.Varchar);
        }
    }
}
