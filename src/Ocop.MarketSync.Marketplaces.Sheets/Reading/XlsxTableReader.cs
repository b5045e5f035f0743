using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Ocop.MarketSync.Marketplaces.Sheets.Reading;

/// <summary>Reads one worksheet's cells: shared, inline and formula strings as text, numbers with their invariant text.</summary>
internal static class XlsxTableReader
{
    public static IReadOnlyList<TableRow> Read(Stream stream, string? sheetName)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(stream, isEditable: false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or InvalidDataException)
        {
            throw new SheetFormatException($"The file is not an XLSX workbook: {ex.Message}", ex);
        }

        using (document)
        {
            var workbook = document.WorkbookPart ?? throw new SheetFormatException("The workbook has no sheets.");
            var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
            var sheet = string.IsNullOrEmpty(sheetName)
                ? sheets.FirstOrDefault()
                : sheets.FirstOrDefault(s => string.Equals(s.Name?.Value?.Trim(), sheetName.Trim(), StringComparison.OrdinalIgnoreCase));
            if (sheet?.Id?.Value is not { } partId)
            {
                var names = string.Join(", ", sheets.Select(s => $"'{s.Name}'"));
                throw new SheetFormatException($"The workbook has no sheet '{sheetName}' (it has {names}).");
            }

            var strings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var part = (WorksheetPart)workbook.GetPartById(partId);
            var rows = new List<TableRow>();
            var nextRow = 1;
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var number = row.RowIndex?.Value is { } index ? (int)index : nextRow;
                nextRow = number + 1;
                var cells = new Dictionary<int, TableCell>();
                var nextColumn = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : nextColumn;
                    nextColumn = column + 1;
                    var value = Value(cell, strings);
                    if (value.Text.Length > 0)
                    {
                        cells[column] = value;
                    }
                }

                rows.Add(new TableRow(number, cells));
            }

            return rows;
        }
    }

    private static TableCell Value(Cell cell, List<string> strings)
    {
        var raw = cell.CellValue?.Text ?? string.Empty;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var at) && at < strings.Count
                ? new TableCell(strings[at])
                : new TableCell(string.Empty);
        }

        if (type == CellValues.InlineString)
        {
            return new TableCell(cell.InlineString?.InnerText ?? string.Empty);
        }

        // No type (or "n") is a number; str, b, e keep their text.
        return type is null || type == CellValues.Number ? new TableCell(raw, IsNumber: raw.Length > 0) : new TableCell(raw);
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }
}
