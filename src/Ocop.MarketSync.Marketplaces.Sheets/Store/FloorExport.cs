namespace Ocop.MarketSync.Marketplaces.Sheets.Store;

/// <summary>
/// A floor's own product list as staff imported it: the items that parsed and the problems of the rows that did not.
/// The latest one answers reconciliation (what is really on the floor).
/// </summary>
/// <param name="ImportedAt">When staff imported it (UTC); items count as of this time.</param>
/// <param name="FileName">The file's name as uploaded, for staff.</param>
public sealed record FloorExport(
    string ChannelId,
    DateTimeOffset ImportedAt,
    string FileName,
    IReadOnlyList<FloorExportItem> Items,
    IReadOnlyList<SheetCellProblem> Problems);

/// <summary>One product of a floor export.</summary>
/// <param name="ProductCode">The floor's own code for the product, when the export has that column.</param>
public sealed record FloorExportItem(
    string SellerSku,
    string? ProductCode,
    string Title,
    long PriceVnd,
    int Stock,
    bool Active,
    bool Banned,
    string? Url);

/// <summary>A row of a floor export that could not be read, and why, in words staff can act on.</summary>
/// <param name="Row">1-based row number as the spreadsheet shows it.</param>
/// <param name="Column">Column letter (A, B, … AA) as the spreadsheet shows it; empty for a problem of the whole row.</param>
/// <param name="Header">The column's header text.</param>
public sealed record SheetCellProblem(int Row, string Column, string Header, string Message)
{
    public override string ToString() => Column.Length == 0
        ? $"Row {Row}: {Message}"
        : $"Row {Row}, column {Column} ({Header}): {Message}";
}
