namespace Ocop.MarketSync.Marketplaces.Sheets.Reading;

/// <summary>A cell as the file holds it; <see cref="IsNumber"/> for XLSX numeric cells (their text is invariant).</summary>
internal readonly record struct TableCell(string Text, bool IsNumber = false);

/// <summary>One spreadsheet row: its 1-based number and its non-empty cells by 0-based column index.</summary>
internal sealed record TableRow(int Number, IReadOnlyDictionary<int, TableCell> Cells)
{
    public string TextAt(int column) => Cells.TryGetValue(column, out var cell) ? cell.Text : string.Empty;
}

/// <summary>The file as a whole cannot be read (not a spreadsheet, sheet or header missing); the message says which.</summary>
public sealed class SheetFormatException(string message, Exception? inner = null) : Exception(message, inner);
