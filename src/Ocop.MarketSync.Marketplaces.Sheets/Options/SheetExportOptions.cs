namespace Ocop.MarketSync.Marketplaces.Sheets.Options;

/// <summary>
/// Section <c>Channels:{id}:Sheet:Export</c>: how to read the floor's own product list. Columns are found by their
/// header text (trimmed, case-insensitive), so a floor that reorders its export columns still reads.
/// </summary>
public sealed class SheetExportOptions
{
    /// <summary><c>Xlsx</c> (default) or <c>Csv</c>; a file whose name ends in <c>.csv</c> is read as CSV whatever this says.</summary>
    public SheetFileType FileType { get; set; } = SheetFileType.Xlsx;

    /// <summary>The worksheet to read; empty (default) reads the first.</summary>
    public string? SheetName { get; set; }

    /// <summary>The 1-based row of the headers. Default 1.</summary>
    public int HeaderRow { get; set; } = 1;

    /// <summary>CSV field separator. Default <c>,</c>.</summary>
    public string CsvDelimiter { get; set; } = ",";

    /// <summary>Header of the seller SKU column (our SKU as the floor keeps it). Required.</summary>
    public string SellerSku { get; set; } = string.Empty;

    /// <summary>Header of the floor's own product code column; optional. When set, it becomes the remote id.</summary>
    public string? ProductCode { get; set; }

    public string? Title { get; set; }

    /// <summary>Header of the price column (whole đồng; <c>125.000</c>, <c>125,000 ₫</c> and numeric cells read). Required.</summary>
    public string Price { get; set; } = string.Empty;

    /// <summary>Header of the stock column. Required.</summary>
    public string Stock { get; set; } = string.Empty;

    /// <summary>Header of the status column; optional (without it every item counts as on sale).</summary>
    public string? Status { get; set; }

    /// <summary>Header of a product link column; optional.</summary>
    public string? Url { get; set; }

    /// <summary>Status texts meaning "on sale" (e.g. "Đang bán"). Required with <see cref="Status"/>.</summary>
    public List<string> ActiveStatuses { get; set; } = [];

    /// <summary>Status texts meaning the floor blocked the item (e.g. "Vi phạm"); any other status is simply not on sale.</summary>
    public List<string> BannedStatuses { get; set; } = [];
}
