using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Ocop.MarketSync.Marketplaces.Sheets.Options;
using Ocop.MarketSync.Marketplaces.Sheets.Store;
using Ocop.MarketSync.Marketplaces.Sheets.Writing;

namespace Ocop.MarketSync.Marketplaces.Sheets.Reading;

/// <summary>
/// Reads a floor's product export per the channel's export template. A row that does not read is reported by row and
/// column and left out; every other row is kept, so one bad cell never loses the rest of the floor's list.
/// </summary>
public static partial class FloorExportReader
{
    /// <exception cref="SheetFormatException">The file, the sheet or a required header is missing; nothing was read.</exception>
    public static FloorExport Read(Stream content, string fileName, SheetExportOptions template, string channelId, DateTimeOffset importedAt)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(template);
        var csv = template.FileType == SheetFileType.Csv || fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        var rows = csv ? CsvTableReader.Read(content, template.CsvDelimiter[0]) : XlsxTableReader.Read(content, template.SheetName);
        var header = rows.FirstOrDefault(r => r.Number == template.HeaderRow)
            ?? throw new SheetFormatException($"Row {template.HeaderRow} (the header row) is empty or missing.");
        var columns = new Columns(header, template);
        var items = new List<FloorExportItem>();
        var problems = new List<SheetCellProblem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Number > template.HeaderRow && r.Cells.Count > 0))
        {
            var rowProblems = new List<SheetCellProblem>();
            var sku = Nfc(columns.Text(row, columns.Sku)).Trim();
            if (sku.Length == 0)
            {
                rowProblems.Add(columns.Problem(row, columns.Sku, "the seller SKU is empty"));
            }
            else if (!seen.Add(sku))
            {
                rowProblems.Add(columns.Problem(row, columns.Sku, $"seller SKU '{sku}' is listed twice; the first row is kept"));
            }

            var price = columns.Whole(row, columns.Price, "a whole number of đồng", rowProblems);
            var stock = columns.Whole(row, columns.Stock, "a whole number of units", rowProblems);
            if (stock > int.MaxValue)
            {
                rowProblems.Add(columns.Problem(row, columns.Stock, "the stock is too large"));
            }

            var status = Nfc(columns.Text(row, columns.Status)).Trim();
            if (rowProblems.Count > 0)
            {
                problems.AddRange(rowProblems);
                continue;
            }

            items.Add(new FloorExportItem(
                sku,
                NullIfEmpty(columns.Text(row, columns.Code).Trim()),
                Nfc(columns.Text(row, columns.Title)).Trim(),
                price!.Value,
                (int)stock!.Value,
                columns.Status is null || Matches(template.ActiveStatuses, status),
                columns.Status is not null && Matches(template.BannedStatuses, status),
                NullIfEmpty(columns.Text(row, columns.Url).Trim())));
        }

        return new FloorExport(channelId, importedAt, fileName, items, problems);
    }

    private static bool Matches(List<string> words, string status) =>
        words.Any(w => string.Equals(Nfc(w).Trim(), status, StringComparison.OrdinalIgnoreCase));

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    internal static string Nfc(string value) => value.Normalize(NormalizationForm.FormC);

    /// <summary>The template's headers found in the header row, by column index; required ones or the file fails.</summary>
    private sealed partial class Columns
    {
        private readonly Dictionary<int, string> _headers;

        public Columns(TableRow header, SheetExportOptions template)
        {
            _headers = header.Cells.ToDictionary(c => c.Key, c => Nfc(c.Value.Text).Trim());
            var missing = new List<string>();
            Sku = Find(template.SellerSku, nameof(template.SellerSku), missing) ?? -1;
            Price = Find(template.Price, nameof(template.Price), missing) ?? -1;
            Stock = Find(template.Stock, nameof(template.Stock), missing) ?? -1;
            Code = Find(template.ProductCode, nameof(template.ProductCode), missing);
            Title = Find(template.Title, nameof(template.Title), missing);
            Status = Find(template.Status, nameof(template.Status), missing);
            Url = Find(template.Url, nameof(template.Url), missing);
            if (missing.Count > 0)
            {
                // All at once: whoever fixes the template should not discover the missing headers one import at a time.
                throw new SheetFormatException(
                    $"Row {header.Number} lacks the header(s) {string.Join(", ", missing)}; it has: {string.Join(", ", _headers.Values.Select(h => $"'{h}'"))}.");
            }
        }

        public int Sku { get; }

        public int Price { get; }

        public int Stock { get; }

        public int? Code { get; }

        public int? Title { get; }

        public int? Status { get; }

        public int? Url { get; }

        public string Text(TableRow row, int? column) => column is { } c ? row.TextAt(c) : string.Empty;

        public SheetCellProblem Problem(TableRow row, int column, string message) =>
            new(row.Number, XlsxSheetWriter.ColumnLetters(column), _headers.GetValueOrDefault(column, string.Empty), message);

        /// <summary>
        /// A whole number from a numeric cell, or from text such as <c>125.000</c>, <c>125,000</c>, <c>125 000 ₫</c>:
        /// in Vietnamese exports '.' and ',' both group thousands, and đồng have no decimals, so both are dropped.
        /// </summary>
        public long? Whole(TableRow row, int column, string expected, List<SheetCellProblem> problems)
        {
            var cell = row.Cells.GetValueOrDefault(column);
            var text = cell.Text?.Trim() ?? string.Empty;
            if (cell.IsNumber && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && number >= 0 && number == decimal.Truncate(number) && number <= long.MaxValue)
            {
                return (long)number;
            }

            // Only a real thousands grouping (groups of exactly three digits) is dropped, so "125.5" is an error,
            // never 1255 đồng.
            var bare = CurrencyMark().Replace(text, string.Empty).Trim();
            if (Grouped().IsMatch(bare)
                && long.TryParse(GroupSeparator().Replace(bare, string.Empty), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            problems.Add(Problem(row, column, text.Length == 0 ? $"empty; expected {expected}" : $"'{text}' is not {expected}"));
            return null;
        }

        [GeneratedRegex(@"(₫|VNĐ|VND|đồng|đ)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
        private static partial Regex CurrencyMark();

        [GeneratedRegex(@"^(\d+|\d{1,3}([.,\u0020\u00A0]\d{3})+)$", RegexOptions.CultureInvariant)]
        private static partial Regex Grouped();

        [GeneratedRegex(@"[.,\u0020\u00A0]", RegexOptions.CultureInvariant)]
        private static partial Regex GroupSeparator();

        private int? Find(string? headerText, string key, List<string> missing)
        {
            if (string.IsNullOrWhiteSpace(headerText))
            {
                return null;
            }

            var wanted = Nfc(headerText).Trim();
            foreach (var (column, text) in _headers)
            {
                if (string.Equals(text, wanted, StringComparison.OrdinalIgnoreCase))
                {
                    return column;
                }
            }

            missing.Add($"'{wanted}' (Sheet:Export:{key})");
            return null;
        }
    }
}
