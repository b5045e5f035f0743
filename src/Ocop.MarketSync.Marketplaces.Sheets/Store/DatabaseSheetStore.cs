using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Jobs;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Sheets.Store;

/// <summary>
/// <see cref="ISheetStore"/> in the service's database (tables <c>upload_sheets</c>, <c>upload_sheet_rows</c>,
/// <c>floor_exports</c>). A singleton, like the client factory: every call opens its own scope and context, the
/// project's pattern for singletons (<c>ShopTokenStore</c>), so no context is shared between lanes.
/// </summary>
/// <remarks>
/// It lives in the sheet library rather than in the Data project or the Worker: this library already depends on Data
/// (through Sync), so no project gains a reference, the Data project stays free of sheet types (its rows keep names
/// and JSON), and any host of the library (Worker, API, tests) gets the one implementation.
/// <para>
/// Atomicity: appends and issues of one channel run in a transaction that first takes a transaction-level advisory
/// lock on the channel (PostgreSQL, so lanes on several nodes queue), or a write transaction (SQLite: <c>BEGIN
/// IMMEDIATE</c>, one writer). A per-channel semaphore queues this node's lanes before they take a connection. The
/// partial unique index on the open sheet of a channel is the last guard; a violation is retried.
/// </para>
/// </remarks>
public sealed class DatabaseSheetStore(IServiceScopeFactory scopes) : ISheetStore
{
    private const int Attempts = 3;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public async Task<long> AppendAsync(string channelId, IReadOnlyList<SheetRow> rows, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentNullException.ThrowIfNull(rows);
        return await UnderChannelLockAsync(channelId, async db =>
        {
            var open = await OpenSheetAsync(db, channelId, cancellationToken);
            if (open is null)
            {
                open = new UploadSheet { ChannelId = channelId, CreatedAt = at.UtcDateTime };
                db.UploadSheets.Add(open);
                await db.SaveChangesAsync(cancellationToken);
            }

            var skus = rows.Select(r => r.SellerSku).Distinct(StringComparer.Ordinal).ToList();
            var existing = await db.UploadSheetRows.AsTracking()
                .Where(r => r.SheetId == open.Id && skus.Contains(r.SellerSku))
                .ToDictionaryAsync(r => r.SellerSku, StringComparer.Ordinal, cancellationToken);
            foreach (var row in rows)
            {
                if (existing.TryGetValue(row.SellerSku, out var stored))
                {
                    Write(stored, ToRow(stored).CollapseWith(row));
                    continue;
                }

                var added = new UploadSheetRow { SheetId = open.Id, Position = open.RowCount++, SellerSku = row.SellerSku, Kind = string.Empty };
                Write(added, row);
                db.UploadSheetRows.Add(added);
                existing[row.SellerSku] = added;
            }

            await db.SaveChangesAsync(cancellationToken);
            return open.Id;
        }, cancellationToken);
    }

    public Task<SheetSummary?> IssueOpenSheetAsync(string channelId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        return UnderChannelLockAsync(channelId, async db =>
        {
            var open = await OpenSheetAsync(db, channelId, cancellationToken);
            if (open is null)
            {
                return null;
            }

            open.DownloadedAt = at.UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            return Summary(open);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<SheetSummary>> ListSheetsAsync(string channelId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketSyncDbContext>();
        var sheets = await db.UploadSheets.AsNoTracking().Where(s => s.ChannelId == channelId)
            .OrderByDescending(s => s.Id).ToListAsync(cancellationToken);
        return [.. sheets.Select(Summary)];
    }

    public async Task<Sheet?> GetSheetAsync(long sheetId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketSyncDbContext>();
        var sheet = await db.UploadSheets.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sheetId, cancellationToken);
        if (sheet is null)
        {
            return null;
        }

        // Read in one statement after the sheet: an append that commits in between is seen by both or, for a
        // sheet still open, the rows may count one more than the summary, which is what an open sheet means.
        var rows = await db.UploadSheetRows.AsNoTracking().Where(r => r.SheetId == sheetId)
            .OrderBy(r => r.Position).ToListAsync(cancellationToken);
        return new Sheet(Summary(sheet) with { RowCount = rows.Count }, [.. rows.Select(ToRow)]);
    }

    public async Task<bool> MarkUploadedAsync(long sheetId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketSyncDbContext>();
        var uploadedAt = at.UtcDateTime;

        // One conditional statement, so two staff marking at once keep the first time.
        await db.UploadSheets.Where(s => s.Id == sheetId && s.DownloadedAt != null && s.UploadedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.UploadedAt, uploadedAt), cancellationToken);
        return await db.UploadSheets.AnyAsync(s => s.Id == sheetId && s.UploadedAt != null, cancellationToken);
    }

    public async Task SaveExportAsync(FloorExport export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(export);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketSyncDbContext>();
        db.FloorExports.Add(new FloorExportRecord
        {
            ChannelId = export.ChannelId,
            ImportedAt = export.ImportedAt.UtcDateTime,
            FileName = export.FileName,
            Items = JsonSerializer.Serialize(export.Items, JsonColumn.Options),
            Problems = JsonSerializer.Serialize(export.Problems, JsonColumn.Options),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<FloorExport?> LatestExportAsync(string channelId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketSyncDbContext>();
        var latest = await db.FloorExports.AsNoTracking().Where(e => e.ChannelId == channelId)
            .OrderByDescending(e => e.ImportedAt).ThenByDescending(e => e.Id).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? null : new FloorExport(
            latest.ChannelId,
            Utc(latest.ImportedAt),
            latest.FileName,
            JsonSerializer.Deserialize<List<FloorExportItem>>(latest.Items, JsonColumn.Options) ?? [],
            JsonSerializer.Deserialize<List<SheetCellProblem>>(latest.Problems, JsonColumn.Options) ?? []);
    }

    private async Task<T> UnderChannelLockAsync<T>(string channelId, Func<MarketSyncDbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(channelId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<MarketSyncDbContext>();
                try
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    if (db.Database.IsNpgsql())
                    {
                        // Released at commit or rollback; the key space is the run locks', under a name of its own.
                        var key = PostgresRunLocks.KeyOf("upload-sheet:" + channelId);
                        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
                    }

                    var result = await work(db);
                    await transaction.CommitAsync(cancellationToken);
                    return result;
                }
                catch (DbUpdateException) when (attempt < Attempts)
                {
                    // Another writer without this lock opened the channel's sheet first (the unique open-sheet index):
                    // read again in a fresh context.
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private static Task<UploadSheet?> OpenSheetAsync(MarketSyncDbContext db, string channelId, CancellationToken cancellationToken) =>
        db.UploadSheets.AsTracking().Where(s => s.ChannelId == channelId && s.DownloadedAt == null)
            .OrderByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken);

    private static void Write(UploadSheetRow stored, SheetRow row)
    {
        stored.Kind = row.Kind.ToString();
        stored.At = row.At.UtcDateTime;
        stored.RemoteId = row.RemoteId;
        stored.Content = row.Content is null ? null : JsonSerializer.Serialize(row.Content, JsonColumn.Options);
        stored.PriceVnd = row.PriceVnd;
        stored.Stock = row.Stock;
    }

    private static SheetRow ToRow(UploadSheetRow stored) =>
        new(stored.SellerSku, Enum.Parse<SheetRowKind>(stored.Kind), Utc(stored.At))
        {
            RemoteId = stored.RemoteId,
            Content = stored.Content is null ? null : JsonSerializer.Deserialize<ListingContent>(stored.Content, JsonColumn.Options),
            PriceVnd = stored.PriceVnd,
            Stock = stored.Stock,
        };

    private static SheetSummary Summary(UploadSheet sheet) => new(
        sheet.Id, sheet.ChannelId, Utc(sheet.CreatedAt), sheet.DownloadedAt is { } d ? Utc(d) : null,
        sheet.UploadedAt is { } u ? Utc(u) : null, sheet.RowCount);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
