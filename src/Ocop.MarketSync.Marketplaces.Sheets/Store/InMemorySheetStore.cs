namespace Ocop.MarketSync.Marketplaces.Sheets.Store;

/// <summary>
/// <see cref="ISheetStore"/> in memory, for tests and the sandbox: one lock makes every member atomic, which is the
/// contract a database store meets with a transaction (and a row lock on the channel's open sheet).
/// </summary>
public sealed class InMemorySheetStore : ISheetStore
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _sheets = [];
    private readonly List<FloorExport> _exports = [];
    private long _nextId = 1;

    public Task<long> AppendAsync(string channelId, IReadOnlyList<SheetRow> rows, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentNullException.ThrowIfNull(rows);
        lock (_gate)
        {
            var open = _sheets.LastOrDefault(s => s.ChannelId == channelId && s.DownloadedAt is null);
            if (open is null)
            {
                open = new Entry(_nextId++, channelId, at);
                _sheets.Add(open);
            }

            foreach (var row in rows)
            {
                var index = open.Rows.FindIndex(r => string.Equals(r.SellerSku, row.SellerSku, StringComparison.Ordinal));
                if (index >= 0)
                {
                    open.Rows[index] = open.Rows[index].CollapseWith(row);
                }
                else
                {
                    open.Rows.Add(row);
                }
            }

            return Task.FromResult(open.Id);
        }
    }

    public Task<SheetSummary?> IssueOpenSheetAsync(string channelId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var open = _sheets.LastOrDefault(s => s.ChannelId == channelId && s.DownloadedAt is null);
            if (open is not null)
            {
                open.DownloadedAt = at;
            }

            return Task.FromResult(open?.Summary());
        }
    }

    public Task<IReadOnlyList<SheetSummary>> ListSheetsAsync(string channelId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<SheetSummary> list = [.. _sheets.Where(s => s.ChannelId == channelId).OrderByDescending(s => s.Id).Select(s => s.Summary())];
            return Task.FromResult(list);
        }
    }

    public Task<Sheet?> GetSheetAsync(long sheetId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var entry = _sheets.FirstOrDefault(s => s.Id == sheetId);
            return Task.FromResult(entry is null ? null : new Sheet(entry.Summary(), [.. entry.Rows]));
        }
    }

    public Task<bool> MarkUploadedAsync(long sheetId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var entry = _sheets.FirstOrDefault(s => s.Id == sheetId);
            if (entry?.DownloadedAt is null)
            {
                return Task.FromResult(false);
            }

            entry.UploadedAt ??= at;
            return Task.FromResult(true);
        }
    }

    public Task SaveExportAsync(FloorExport export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(export);
        lock (_gate)
        {
            _exports.Add(export);
        }

        return Task.CompletedTask;
    }

    public Task<FloorExport?> LatestExportAsync(string channelId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_exports.Where(e => e.ChannelId == channelId).MaxBy(e => e.ImportedAt));
        }
    }

    private sealed class Entry(long id, string channelId, DateTimeOffset createdAt)
    {
        public long Id { get; } = id;

        public string ChannelId { get; } = channelId;

        public List<SheetRow> Rows { get; } = [];

        public DateTimeOffset? DownloadedAt { get; set; }

        public DateTimeOffset? UploadedAt { get; set; }

        public SheetSummary Summary() => new(Id, ChannelId, createdAt, DownloadedAt, UploadedAt, Rows.Count);
    }
}
