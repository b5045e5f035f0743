using System.Text;

namespace Ocop.MarketSync.Marketplaces.Sheets.Reading;

/// <summary>
/// Reads RFC 4180 CSV (quoted fields with doubled quotes and line breaks; CRLF or LF), UTF-8 with or without a BOM.
/// Row numbers count records, as a spreadsheet opening the file would number its rows.
/// </summary>
internal static class CsvTableReader
{
    public static IReadOnlyList<TableRow> Read(Stream stream, char delimiter)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();
        var rows = new List<TableRow>();
        var cells = new Dictionary<int, TableCell>();
        var field = new StringBuilder();
        var quoted = false;
        var column = 0;
        void EndField()
        {
            if (field.Length > 0)
            {
                cells[column] = new TableCell(field.ToString());
            }

            field.Clear();
            column++;
        }

        void EndRow()
        {
            EndField();
            rows.Add(new TableRow(rows.Count + 1, cells));
            cells = [];
            column = 0;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                EndField();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                EndRow();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || cells.Count > 0 || column > 0)
        {
            EndRow();
        }

        return rows;
    }
}
