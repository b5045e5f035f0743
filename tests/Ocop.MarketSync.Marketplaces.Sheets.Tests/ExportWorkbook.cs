using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Ocop.MarketSync.Marketplaces.Sheets.Tests;

/// <summary>Builds a floor export as a floor's own software might: inline strings, numeric cells, gaps.</summary>
internal static class ExportWorkbook
{
    /// <param name="rows">Row by row; a string is an inline-string cell, a number a numeric cell, null no cell.</param>
    public static MemoryStream Build(string sheetName, params object?[][] rows)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    switch (rows[r][c])
                    {
                        case string text:
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });
                            break;
                        case IConvertible number:
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToString(number, CultureInfo.InvariantCulture)!) });
                            break;
                    }
                }

                data.Append(row);
            }

            part.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheets(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = sheetName }));
        }

        stream.Position = 0;
        return stream;
    }
}
