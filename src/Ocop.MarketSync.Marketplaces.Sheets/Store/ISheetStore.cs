namespace Ocop.MarketSync.Marketplaces.Sheets.Store;

/// <summary>
/// Where the upload sheets of sheet channels and the floor exports staff imported are kept. The in-memory store
/// serves tests; the service uses a database store. The store keeps no clock: every time comes from the caller (UTC).
/// Implementations must be safe for concurrent callers: the engine pushes one channel from several lanes at once.
/// </summary>
/// <remarks>
/// Registered by the host as a singleton, because the client factory is one: a database store opens a context per
/// call (<c>IDbContextFactory</c>) rather than holding a scoped one.
/// </remarks>
public interface ISheetStore
{
    /// <summary>
    /// Puts <paramref name="rows"/> into the channel's open sheet, opening a new one (CreatedAt = <paramref name="at"/>)
    /// when the channel has none. A row whose seller SKU (ordinal) already has a row in the open sheet replaces it with
    /// <c>existing.CollapseWith(row)</c> in the existing row's position; other rows go at the end, in input order
    /// (two rows of one SKU in the same call collapse in order too). All rows land in the one sheet whose id is
    /// returned, atomically against other appends and <see cref="IssueOpenSheetAsync"/> of the same channel.
    /// </summary>
    /// <returns>The id of the sheet that took the rows.</returns>
    Task<long> AppendAsync(string channelId, IReadOnlyList<SheetRow> rows, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Closes the channel's open sheet because staff downloaded it (DownloadedAt = <paramref name="at"/>); later
    /// appends open a new sheet. Null when the channel has no open sheet. Atomic against <see cref="AppendAsync"/>:
    /// a row lands either in the issued sheet or in the next one, never lost between.
    /// </summary>
    Task<SheetSummary?> IssueOpenSheetAsync(string channelId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The channel's sheets, newest (highest id) first, with their times and row counts.</summary>
    Task<IReadOnlyList<SheetSummary>> ListSheetsAsync(string channelId, CancellationToken cancellationToken);

    /// <summary>A sheet with its rows in first-appended order, or null when no sheet has that id.</summary>
    Task<Sheet?> GetSheetAsync(long sheetId, CancellationToken cancellationToken);

    /// <summary>
    /// Records that staff uploaded a downloaded sheet to the floor (UploadedAt = <paramref name="at"/>). Idempotent:
    /// marking an uploaded sheet again keeps the first time and returns true. False when no sheet has that id or the
    /// sheet is still open (an open sheet may still change, so it cannot have been uploaded).
    /// </summary>
    Task<bool> MarkUploadedAsync(long sheetId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Keeps a floor export; it becomes the channel's latest when its ImportedAt is the newest.</summary>
    Task SaveExportAsync(FloorExport export, CancellationToken cancellationToken);

    /// <summary>The channel's export with the newest ImportedAt, or null when staff never imported one.</summary>
    Task<FloorExport?> LatestExportAsync(string channelId, CancellationToken cancellationToken);
}
