using System.Globalization;
using Ocop.MarketSync.Marketplaces.Sheets.Options;
using Ocop.MarketSync.Marketplaces.Sheets.Store;

namespace Ocop.MarketSync.Marketplaces.Sheets.Writing;

/// <summary>A rendered upload sheet, ready to hand to staff.</summary>
public sealed record SheetFile(string FileName, string ContentType, byte[] Content);

/// <summary>Renders an issued sheet to the bytes of the floor's template (XLSX or CSV).</summary>
public static class SheetWriter
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static SheetFile Render(Sheet sheet, SheetChannelOptions options)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(options);
        var renderer = new SheetRowRenderer(options);
        var rows = sheet.Rows.Select(renderer.Render);
        var name = string.Create(CultureInfo.InvariantCulture, $"{sheet.Summary.ChannelId}-sheet-{sheet.Summary.Id}-{sheet.Summary.CreatedAt:yyyyMMdd}");
        return options.FileType switch
        {
            SheetFileType.Xlsx => new SheetFile(name + ".xlsx", XlsxContentType, XlsxSheetWriter.Write(options, renderer.Headers(), rows)),
            SheetFileType.Csv => new SheetFile(name + ".csv", CsvContentType, CsvSheetWriter.Write(options, renderer.Headers(), rows)),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.FileType, "Unknown sheet file type."),
        };
    }
}
