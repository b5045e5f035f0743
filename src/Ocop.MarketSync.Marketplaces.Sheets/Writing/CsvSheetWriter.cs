using System.Text;
using Ocop.MarketSync.Marketplaces.Sheets.Options;

namespace Ocop.MarketSync.Marketplaces.Sheets.Writing;

/// <summary>
/// RFC 4180 CSV: CRLF line ends; a field with the delimiter, a quote, CR or LF is quoted, quotes doubled. UTF-8 with a
/// BOM, without which Excel opens the file in the machine's ANSI code page and Vietnamese letters turn to mojibake.
/// </summary>
internal static class CsvSheetWriter
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static byte[] Write(SheetChannelOptions options, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<SheetCell>> rows)
    {
        var text = new StringBuilder();
        var delimiter = options.CsvDelimiter;
        for (var line = 1; line < options.HeaderRow; line++)
        {
            // Lines above the header keep the template's row numbers: a title line, or an empty line.
            text.Append(line <= options.TitleRows.Count ? Field(options.TitleRows[line - 1], delimiter) : string.Empty).Append("\r\n");
        }

        text.AppendJoin(delimiter, headers.Select(h => Field(h, delimiter))).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(delimiter, row.Select(c => Field(c.Text, delimiter))).Append("\r\n");
        }

        var body = Utf8WithBom.GetBytes(text.ToString());
        return [.. Utf8WithBom.GetPreamble(), .. body];
    }

    internal static string Field(string value, string delimiter)
    {
        var needsQuotes = value.Contains(delimiter, StringComparison.Ordinal) || value.AsSpan().IndexOfAny('"', '\r', '\n') >= 0;
        return needsQuotes ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
