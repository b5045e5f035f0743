namespace Ocop.MarketSync.Marketplaces.Sheets.Options;

/// <summary>
/// Section <c>Channels:{id}:Sheet</c>: the floor's upload template (how our rows become its spreadsheet) and its export
/// template (how its product list is read back). Floors publish no API and no official template was found
/// (MARKETPLACES.md §7), so every column is configuration. Checked at start; a bad value names its key.
/// </summary>
public sealed class SheetChannelOptions
{
    /// <summary>The upload file: <c>Xlsx</c> (default) or <c>Csv</c>.</summary>
    public SheetFileType FileType { get; set; } = SheetFileType.Xlsx;

    /// <summary>The worksheet's name in an XLSX upload (Excel allows 1–31 characters, none of <c>[]:*?/\</c>). Default "Sheet1".</summary>
    public string SheetName { get; set; } = "Sheet1";

    /// <summary>The 1-based row holding the column headers; data starts below it. Default 1.</summary>
    public int HeaderRow { get; set; } = 1;

    /// <summary>Text put in the first cell of the rows above the header (a floor's title or instructions line), top down; fewer than <see cref="HeaderRow"/>.</summary>
    public List<string> TitleRows { get; set; } = [];

    /// <summary>The columns, left to right. At least one, and one of them the seller SKU (rows are matched by it).</summary>
    public List<SheetColumnOptions> Columns { get; set; } = [];

    /// <summary>
    /// Thousands separator of numbers: empty (default, <c>125000</c>), <c>.</c> (<c>125.000</c>, Vietnamese usage),
    /// <c>,</c> or a space. In CSV the separator is written; in XLSX numbers stay numeric cells and a non-empty
    /// separator gives them the <c>#,##0</c> format (Excel shows the viewer's own separator).
    /// </summary>
    public string ThousandsSeparator { get; set; } = string.Empty;

    /// <summary>.NET date format of dates (certificate expiry), written as text in both file types. Default <c>dd/MM/yyyy</c>.</summary>
    public string DateFormat { get; set; } = "dd/MM/yyyy";

    /// <summary>Joins image URLs in an <c>Images</c> column. Default <c>;</c>; use <c>\n</c> for one link per line in the cell.</summary>
    public string ImageSeparator { get; set; } = ";";

    /// <summary>CSV field separator: <c>,</c> (default) or <c>;</c> (what Excel expects where the decimal mark is a comma) or a tab.</summary>
    public string CsvDelimiter { get; set; } = ",";

    /// <summary>The words of the <c>Action</c> column.</summary>
    public SheetActionWords Actions { get; set; } = new();

    /// <summary>Longest title the floor takes, in characters (floors vary). Default 200.</summary>
    public int TitleMaxChars { get; set; } = 200;

    /// <summary>Longest description, in characters; at most 32,767 (an Excel cell's limit). Default 5,000.</summary>
    public int DescriptionMaxChars { get; set; } = 5_000;

    /// <summary>Whether the floor lists services (OCOP group VI, community tourism). Default false.</summary>
    public bool SellsServices { get; set; }

    /// <summary>How to read the floor's own product export. Optional: without it staff cannot import exports.</summary>
    public SheetExportOptions? Export { get; set; }
}

public enum SheetFileType
{
    Xlsx,
    Csv,
}

/// <summary>What staff see in the <c>Action</c> column for each kind of row.</summary>
public sealed class SheetActionWords
{
    public string Add { get; set; } = "Thêm mới";

    public string Change { get; set; } = "Cập nhật";

    public string Remove { get; set; } = "Ngừng bán";

    public string ReAdd { get; set; } = "Mở bán lại";
}
