using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.Sheets.Options;
using Ocop.MarketSync.Marketplaces.Sheets.Reading;
using Ocop.MarketSync.Marketplaces.Sheets.Store;
using Ocop.MarketSync.Marketplaces.Sheets.Writing;

namespace Ocop.MarketSync.Marketplaces.Sheets;

/// <summary>
/// What staff do with a sheet channel, for the API and console to call: download the open sheet (which closes it),
/// download an earlier one again, mark one uploaded to the floor, import the floor's export to reconcile.
/// </summary>
public sealed class SheetDesk(
    ISheetStore store,
    IOptionsMonitor<SheetChannelOptions> templates,
    SheetChannelGuard channels,
    TimeProvider time)
{
    /// <summary>Closes the channel's open sheet and renders it; null when nothing is waiting to be uploaded.</summary>
    public async Task<SheetFile?> DownloadOpenSheetAsync(string channelId, CancellationToken cancellationToken)
    {
        channels.EnsureKnown(channelId);
        var issued = await store.IssueOpenSheetAsync(channelId, time.GetUtcNow(), cancellationToken);
        return issued is null ? null : await RenderAsync(issued.Id, cancellationToken);
    }

    /// <summary>Renders a sheet again (a lost download); null when no sheet has the id.</summary>
    public async Task<SheetFile?> RenderAsync(long sheetId, CancellationToken cancellationToken)
    {
        var sheet = await store.GetSheetAsync(sheetId, cancellationToken);
        return sheet is null ? null : SheetWriter.Render(sheet, templates.Get(sheet.Summary.ChannelId));
    }

    /// <summary>Staff uploaded the sheet to the floor: its listings count as live from now. False when not downloaded yet or unknown.</summary>
    public Task<bool> MarkUploadedAsync(long sheetId, CancellationToken cancellationToken) =>
        store.MarkUploadedAsync(sheetId, time.GetUtcNow(), cancellationToken);

    public Task<IReadOnlyList<SheetSummary>> ListSheetsAsync(string channelId, CancellationToken cancellationToken)
    {
        channels.EnsureKnown(channelId);
        return store.ListSheetsAsync(channelId, cancellationToken);
    }

    /// <summary>
    /// Reads the floor's export and keeps it as the channel's latest, problems included, even when some rows did not
    /// read: the good rows are the floor's truth. Staff see the problems in the returned export.
    /// </summary>
    /// <exception cref="SheetFormatException">The file cannot be read at all (nothing is kept).</exception>
    /// <exception cref="InvalidOperationException">The channel has no export template.</exception>
    public async Task<FloorExport> ImportExportAsync(string channelId, Stream content, string fileName, CancellationToken cancellationToken)
    {
        channels.EnsureKnown(channelId);
        var template = templates.Get(channelId).Export
            ?? throw new InvalidOperationException($"Channels:{channelId}:Sheet:Export is not configured, so the floor's export cannot be read.");
        var export = FloorExportReader.Read(content, fileName, template, channelId, time.GetUtcNow());
        await store.SaveExportAsync(export, cancellationToken);
        return export;
    }
}
