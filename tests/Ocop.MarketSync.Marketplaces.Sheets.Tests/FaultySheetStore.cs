using Ocop.MarketSync.Marketplaces.Sheets.Store;

namespace Ocop.MarketSync.Marketplaces.Sheets.Tests;

/// <summary>A store that is down: every member throws, or only appends while reads still work.</summary>
internal sealed class FaultySheetStore(bool onlyAppendsFail = false) : ISheetStore
{
    private readonly InMemorySheetStore _inner = new();

    public Task<long> AppendAsync(string channelId, IReadOnlyList<SheetRow> rows, DateTimeOffset at, CancellationToken cancellationToken) =>
        throw new TimeoutException("database timeout");

    public Task<SheetSummary?> IssueOpenSheetAsync(string channelId, DateTimeOffset at, CancellationToken cancellationToken) =>
        Read(() => _inner.IssueOpenSheetAsync(channelId, at, cancellationToken));

    public Task<IReadOnlyList<SheetSummary>> ListSheetsAsync(string channelId, CancellationToken cancellationToken) =>
        Read(() => _inner.ListSheetsAsync(channelId, cancellationToken));

    public Task<Sheet?> GetSheetAsync(long sheetId, CancellationToken cancellationToken) =>
        Read(() => _inner.GetSheetAsync(sheetId, cancellationToken));

    public Task<bool> MarkUploadedAsync(long sheetId, DateTimeOffset at, CancellationToken cancellationToken) =>
        Read(() => _inner.MarkUploadedAsync(sheetId, at, cancellationToken));

    public Task SaveExportAsync(FloorExport export, CancellationToken cancellationToken) =>
        Read(async () => { await _inner.SaveExportAsync(export, cancellationToken); return true; });

    public Task<FloorExport?> LatestExportAsync(string channelId, CancellationToken cancellationToken) =>
        Read(() => _inner.LatestExportAsync(channelId, cancellationToken));

    private Task<T> Read<T>(Func<Task<T>> read) => onlyAppendsFail ? read() : throw new IOException("down");
}
