using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Ocop.MarketSync.Marketplaces.Sheets.Options;

namespace Ocop.MarketSync.Marketplaces.Sheets.Writing;

/// <summary>
/// One worksheet named as the template says. Text goes to the shared-string table (what Excel itself writes; some
/// importers read nothing else); numbers stay numeric cells so an importer reads a number, not "125.000".
/// </summary>
internal static class XlsxSheetWriter
{
    /// <summary>Cell styles, by index in the stylesheet below.</summary>
    internal const uint PlainStyle = 0;
    internal const uint NumberStyle = 1;
    internal const uint HeaderStyle = 2;

    /// <summary>Excel's built-in number formats: 1 is <c>0</c>, 3 is <c>#,##0</c>.</summary>
    internal const uint PlainNumberFormat = 1;
    internal const uint GroupedNumberFormat = 3;

    public static byte[] Write(SheetChannelOptions options, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<SheetCell>> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = new SharedStrings(workbook.AddNewPart<SharedStringTablePart>());
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles(options.ThousandsSeparator.Length == 0 ? PlainNumberFormat : GroupedNumberFormat);
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 1; r <= options.TitleRows.Count; r++)
            {
                data.Append(Row(r, [new SheetCell(options.TitleRows[r - 1])], strings, PlainStyle));
            }

            data.Append(Row(options.HeaderRow, [.. headers.Select(h => new SheetCell(h))], strings, HeaderStyle));
            var rowIndex = options.HeaderRow;
            foreach (var row in rows)
            {
                data.Append(Row(++rowIndex, row, strings, PlainStyle));
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheets(new DocumentFormat.OpenXml.Spreadsheet.Sheet
            {
                Id = workbook.GetIdOfPart(sheetPart),
                SheetId = 1,
                Name = options.SheetName,
            }));
            strings.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A, B, … Z, AA, AB … for a 0-based column index.</summary>
    internal static string ColumnLetters(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    private static Row Row(int rowIndex, IReadOnlyList<SheetCell> cells, SharedStrings strings, uint textStyle)
    {
        var row = new Row { RowIndex = (uint)rowIndex };
        for (var c = 0; c < cells.Count; c++)
        {
            var cell = cells[c];
            var reference = ColumnLetters(c) + rowIndex.ToString(CultureInfo.InvariantCulture);
            if (cell.Number is { } number)
            {
                row.Append(new Cell { CellReference = reference, StyleIndex = NumberStyle, CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)) });
            }
            else if (cell.Text.Length > 0)
            {
                row.Append(new Cell
                {
                    CellReference = reference,
                    StyleIndex = textStyle,
                    DataType = CellValues.SharedString,
                    CellValue = new CellValue(strings.IndexOf(cell.Text).ToString(CultureInfo.InvariantCulture)),
                });
            }
        }

        return row;
    }

    private static Stylesheet Styles(uint numberFormat) => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = numberFormat, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, ApplyFont = true }) { Count = 3 });

    private sealed class SharedStrings(SharedStringTablePart part)
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly SharedStringTable _table = new();

        public int IndexOf(string text)
        {
            if (!_index.TryGetValue(text, out var at))
            {
                at = _index.Count;
                _index[text] = at;
                // Keep leading/trailing spaces and line breaks exactly as given.
                _table.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            }

            return at;
        }

        public void Save()
        {
            _table.Count = (uint)_index.Count;
            _table.UniqueCount = (uint)_index.Count;
            part.SharedStringTable = _table;
        }
    }
}
