using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Ocop.MarketSync.Marketplaces.Sheets.Tests;

/// <summary>Reads a written workbook with the Open XML SDK directly (not our reader), cell by cell.</summary>
internal sealed class XlsxReadBack
{
    private XlsxReadBack(string sheetName, Dictionary<string, (string Text, bool IsNumber, uint? NumberFormat, bool Bold)> cells)
    {
        SheetName = sheetName;
        Cells = cells;
    }

    public string SheetName { get; }

    public Dictionary<string, (string Text, bool IsNumber, uint? NumberFormat, bool Bold)> Cells { get; }

    public static XlsxReadBack Open(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheet = Assert.Single(workbook.Workbook.Sheets!.Elements<Sheet>());
        var strings = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var cells = new Dictionary<string, (string, bool, uint?, bool)>(StringComparer.Ordinal);
        foreach (var cell in part.Worksheet.Descendants<Cell>())
        {
            var isString = cell.DataType?.Value == CellValues.SharedString;
            var text = isString ? strings[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)] : cell.CellValue!.Text;
            var format = formats[(int)(cell.StyleIndex?.Value ?? 0)];
            cells[cell.CellReference!.Value!] = (text, !isString, format.NumberFormatId?.Value, format.FontId?.Value == 1);
        }

        return new XlsxReadBack(sheet.Name!.Value!, cells);
    }

    public string Text(string reference) => Cells[reference].Text;
}
