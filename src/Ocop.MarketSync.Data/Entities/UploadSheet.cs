namespace Ocop.MarketSync.Data.Entities;

/// <summary>
/// An upload sheet of a sheet channel (a floor without an API): open while <see cref="DownloadedAt"/> is null, then
/// with staff, then uploaded. The sheet library owns the meaning; these rows only keep it, so this project does not
/// depend on that library (row values are JSON and names the library writes and reads).
/// </summary>
public sealed class UploadSheet
{
    public long Id { get; set; }

    public required string ChannelId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When staff downloaded it, which closed it to new rows; null while open (at most one per channel).</summary>
    public DateTime? DownloadedAt { get; set; }

    public DateTime? UploadedAt { get; set; }

    /// <summary>Rows in it, kept with each append so that listing sheets does not count rows.</summary>
    public int RowCount { get; set; }
}

/// <summary>One row of an upload sheet: one seller SKU, unique in its sheet, at its first-appended position.</summary>
public sealed class UploadSheetRow
{
    public long SheetId { get; set; }

    /// <summary>0-based order of first append: the row order of the rendered file.</summary>
    public int Position { get; set; }

    public required string SellerSku { get; set; }

    /// <summary>The row kind by name (Add, Change, Remove, ReAdd).</summary>
    public required string Kind { get; set; }

    public DateTime At { get; set; }

    public string? RemoteId { get; set; }

    /// <summary>The listing content as JSON, null when the row carries none.</summary>
    public string? Content { get; set; }

    public long? PriceVnd { get; set; }

    public int? Stock { get; set; }
}

/// <summary>A floor's product export as staff imported it; the items and problems are JSON arrays.</summary>
public sealed class FloorExportRecord
{
    public long Id { get; set; }

    public required string ChannelId { get; set; }

    public DateTime ImportedAt { get; set; }

    public required string FileName { get; set; }

    public required string Items { get; set; }

    public required string Problems { get; set; }
}
