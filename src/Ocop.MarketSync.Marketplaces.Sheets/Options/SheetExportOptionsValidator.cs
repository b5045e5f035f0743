using System.Globalization;

namespace Ocop.MarketSync.Marketplaces.Sheets.Options;

/// <summary>The rules of <c>Channels:{id}:Sheet:Export</c>; part of <see cref="SheetChannelOptionsValidator"/>.</summary>
internal static class SheetExportOptionsValidator
{
    public static void Validate(string prefix, SheetExportOptions export, List<string> failures)
    {
        void Check(bool ok, string key, object? value, string rule)
        {
            if (!ok)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}{key} must be {rule} (got '{value}')."));
            }
        }

        Check(Enum.IsDefined(export.FileType), nameof(export.FileType), export.FileType, "Xlsx or Csv");
        Check(string.IsNullOrEmpty(export.SheetName) || SheetChannelOptionsValidator.IsSheetName(export.SheetName), nameof(export.SheetName),
            export.SheetName, "empty (the first sheet) or a worksheet name");
        Check(export.HeaderRow is >= 1 and <= 50, nameof(export.HeaderRow), export.HeaderRow, "from 1 to 50");
        Check(export.CsvDelimiter is "," or ";" or "\t", nameof(export.CsvDelimiter), export.CsvDelimiter, "',', ';' or a tab");
        Check(!string.IsNullOrWhiteSpace(export.SellerSku), nameof(export.SellerSku), export.SellerSku, "the header of the floor's seller SKU column");
        Check(!string.IsNullOrWhiteSpace(export.Price), nameof(export.Price), export.Price, "the header of the floor's price column");
        Check(!string.IsNullOrWhiteSpace(export.Stock), nameof(export.Stock), export.Stock, "the header of the floor's stock column");
        Check(string.IsNullOrWhiteSpace(export.Status) || export.ActiveStatuses.Count > 0, nameof(export.ActiveStatuses), export.ActiveStatuses.Count,
            "at least one status text when Status is set");
        var headers = new[] { export.SellerSku, export.ProductCode, export.Title, export.Price, export.Stock, export.Status, export.Url }
            .Where(h => !string.IsNullOrWhiteSpace(h))
            .Select(h => h!.Trim())
            .ToList();
        var duplicate = headers.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        Check(duplicate is null, "(headers)", duplicate?.Key, "distinct: each export column read once");
    }
}
