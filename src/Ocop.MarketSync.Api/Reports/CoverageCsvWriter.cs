using System.Globalization;
using System.Text;
using CsvHelper;

namespace Ocop.MarketSync.Api.Reports;

/// <summary>
/// A coverage report as CSV for Excel: UTF-8 with a BOM (without it Excel reads Vietnamese as Windows-1252),
/// invariant-culture numbers, one Active and one percentage column per channel.
/// </summary>
internal static class CoverageCsvWriter
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static string FileName(CoverageDimension by, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"ocop-coverage-{Name(by)}-{date:yyyy-MM-dd}.csv");

    public static byte[] Write(CoverageReportDto report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var header in Headers(report))
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var row in report.Rows.Append(report.Total))
            {
                WriteRow(csv, row, report.Channels);
            }
        }

        return stream.ToArray();
    }

    public static IReadOnlyList<string> Headers(CoverageReportDto report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (key, name) = report.By switch
        {
            CoverageDimension.Province => ("province_code", "province"),
            CoverageDimension.Group => ("group_code", "group"),
            CoverageDimension.Channel => ("channel", "marketplace"),
            _ => throw new ArgumentOutOfRangeException(nameof(report), report.By, "Unknown coverage dimension."),
        };
        List<string> headers = [key, name, "certified", "eligible", "eligible_of_certified_pct"];
        foreach (var channel in report.Channels)
        {
            headers.Add($"active_{channel}");
            headers.Add($"active_of_eligible_pct_{channel}");
        }

        return headers;
    }

    /// <summary>A channel row has only its own channel's cells; the others stay empty.</summary>
    private static void WriteRow(CsvWriter csv, CoverageRowDto row, IReadOnlyList<string> channels)
    {
        csv.WriteField(row.Key ?? string.Empty);
        csv.WriteField(row.Name);
        csv.WriteField(Number(row.Certified));
        csv.WriteField(Number(row.Eligible));
        csv.WriteField(Percent(row.EligiblePercent));
        foreach (var channel in channels)
        {
            var active = row.Active.FirstOrDefault(a => a.Channel == channel);
            csv.WriteField(active is null ? string.Empty : Number(active.Active));
            csv.WriteField(active is null ? string.Empty : Percent(active.ActivePercent));
        }

        csv.NextRecord();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(decimal? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Name(CoverageDimension by) => by switch
    {
        CoverageDimension.Province => "province",
        CoverageDimension.Group => "group",
        CoverageDimension.Channel => "channel",
        _ => throw new ArgumentOutOfRangeException(nameof(by), by, "Unknown coverage dimension."),
    };
}
