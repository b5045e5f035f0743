using System.Globalization;
using System.Text;
using Ocop.MarketSync.Marketplaces.Sheets.Options;
using Ocop.MarketSync.Marketplaces.Sheets.Store;

namespace Ocop.MarketSync.Marketplaces.Sheets.Writing;

/// <summary>
/// Turns rows into the template's cells, the same for XLSX and CSV. All text is NFC: registries and producers send
/// decomposed Vietnamese at times, which floors' search and Excel's sorting treat as different letters.
/// </summary>
internal sealed class SheetRowRenderer(SheetChannelOptions options)
{
    public IReadOnlyList<string> Headers() => [.. options.Columns.Select(c => Nfc(c.Header))];

    public IReadOnlyList<SheetCell> Render(SheetRow row) => [.. options.Columns.Select(c => Cell(c, row))];

    /// <summary>A whole number as text with the template's thousands separator (CSV cells, and tests).</summary>
    public string FormatNumber(long value) => options.ThousandsSeparator.Length == 0
        ? value.ToString(CultureInfo.InvariantCulture)
        : value.ToString("#,0", CultureInfo.InvariantCulture).Replace(",", options.ThousandsSeparator, StringComparison.Ordinal);

    private SheetCell Cell(SheetColumnOptions column, SheetRow row)
    {
        if (column.Field is not { } field)
        {
            return Text(column.Value);
        }

        var content = row.Content;
        string? Attribute(string key) => content?.Attributes.GetValueOrDefault(key);
        return field switch
        {
            SheetField.Action => Text(row.Kind switch
            {
                SheetRowKind.Add => options.Actions.Add,
                SheetRowKind.Change => options.Actions.Change,
                SheetRowKind.Remove => options.Actions.Remove,
                SheetRowKind.ReAdd => options.Actions.ReAdd,
                _ => throw new ArgumentOutOfRangeException(nameof(row), row.Kind, "Unknown sheet row kind."),
            }),
            SheetField.SellerSku => Text(row.SellerSku),
            SheetField.FloorProductCode => Text(string.Equals(row.RemoteId, row.SellerSku, StringComparison.Ordinal) ? null : row.RemoteId),
            SheetField.Title => Text(content?.Title),
            SheetField.Description => Text(content?.Description),
            SheetField.Price => Number(row.PriceVnd),
            SheetField.Stock => Number(row.Stock),
            SheetField.Category => Text(content?.CategoryId),
            SheetField.Images => Text(content is null ? null : string.Join(Separator(), content.Images)),
            SheetField.MainImage => Text(content?.Images.FirstOrDefault()),
            SheetField.OcopStars => Whole(Attribute("ocop.stars")),
            SheetField.OcopCode => Text(Attribute("ocop.code")),
            SheetField.CertificateNumber => Text(Attribute("ocop.certificate")),
            SheetField.CertificateIssuer => Text(Attribute("ocop.certificateIssuer")),
            SheetField.CertificateExpiry => Date(Attribute("ocop.certificateValidUntil")),
            SheetField.Producer => Text(Attribute("producer")),
            SheetField.Province => Text(Attribute("origin.province")),
            SheetField.Gtin => Text(content?.Gtin),
            SheetField.WeightGrams => Number(content?.WeightGrams),
            SheetField.TraceabilityUrl => Text(Attribute("traceability.url")),
            SheetField.Attribute => Text(Attribute(column.Attribute ?? string.Empty)),
            _ => throw new ArgumentOutOfRangeException(nameof(column), field, "Unknown sheet field."),
        };
    }

    // "\n" in JSON config arrives as a real newline already; the escaped form is accepted too, for env variables.
    private string Separator() => options.ImageSeparator.Replace("\\n", "\n", StringComparison.Ordinal);

    private static SheetCell Text(string? value) => value is null ? SheetCell.Empty : new SheetCell(Nfc(value));

    private SheetCell Number(long? value) => value is { } n ? new SheetCell(FormatNumber(n), n) : SheetCell.Empty;

    private SheetCell Whole(string? value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? Number(n) : Text(value);

    /// <summary>Dates go out as text in the template's format: a date cell would show in the viewer's locale.</summary>
    private SheetCell Date(string? isoDate) =>
        DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new SheetCell(date.ToString(options.DateFormat, CultureInfo.InvariantCulture))
            : Text(isoDate);

    private static string Nfc(string value) => value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
}
