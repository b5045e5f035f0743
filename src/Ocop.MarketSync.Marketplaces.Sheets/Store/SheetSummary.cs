namespace Ocop.MarketSync.Marketplaces.Sheets.Store;

/// <summary>Where a sheet is in its life: open (taking rows) → downloaded (closed, with staff) → uploaded to the floor.</summary>
public enum SheetState
{
    Open,
    Downloaded,
    Uploaded,
}

/// <summary>One upload sheet of a channel, without its rows.</summary>
/// <param name="Id">Assigned by the store, positive, unique across channels.</param>
/// <param name="CreatedAt">When the first row opened it.</param>
/// <param name="DownloadedAt">When staff downloaded it, which closed it to new rows; null while open.</param>
/// <param name="UploadedAt">When staff marked it uploaded to the floor; null until then.</param>
/// <param name="RowCount">Rows (distinct seller SKUs) in it.</param>
public sealed record SheetSummary(
    long Id,
    string ChannelId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DownloadedAt,
    DateTimeOffset? UploadedAt,
    int RowCount)
{
    public SheetState State => UploadedAt is not null ? SheetState.Uploaded
        : DownloadedAt is not null ? SheetState.Downloaded
        : SheetState.Open;
}

/// <summary>A sheet with its rows, in the order they were first appended.</summary>
public sealed record Sheet(SheetSummary Summary, IReadOnlyList<SheetRow> Rows);
