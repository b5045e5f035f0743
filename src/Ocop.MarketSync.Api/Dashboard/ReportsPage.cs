using System.Globalization;
using Ocop.MarketSync.Api.Reports;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Intake.Provinces;

namespace Ocop.MarketSync.Api.Dashboard;

/// <summary>
/// "Báo cáo": the programme's coverage by province, channel or OCOP group — certified, eligible, on sale per channel —
/// as a table, a bar chart of the share on sale, and the same report as CSV for Excel.
/// </summary>
internal sealed class ReportsPage : ConsolePage
{
    private static readonly CoverageDimension[] Dimensions = [CoverageDimension.Province, CoverageDimension.Channel, CoverageDimension.Group];

    protected override string Title => T.Raw("Reports.Title");

    protected override void Render()
    {
        var by = Enum.TryParse<CoverageDimension>(Param("by"), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : CoverageDimension.Province;
        // Hangfire renders pages synchronously; the report's queries are the API's own.
        var report = CoverageReports.BuildAsync(by, Db, Channels, Service<IntakeClock>(), Service<ProvinceDirectory>(), Http.RequestAborted)
            .GetAwaiter().GetResult();
        var key = by.ToString().ToLowerInvariant();
        var csv = SiteUrl($"/api/reports/coverage?by={key}&format=csv");
        WriteLiteral($"<h1 class=\"page-header\">{T["Reports.Title"]}</h1><p class=\"oc-muted\">{T.Format("Reports.Intro", ConsoleText.Date(report.Date))}</p>");
        WriteLiteral("<div class=\"btn-group\" role=\"group\" id=\"report-by\">");
        foreach (var dimension in Dimensions)
        {
            var css = dimension == by ? "btn-primary" : "btn-default";
            WriteLiteral($"<a class=\"btn btn-sm {css}\" href=\"{ConsoleText.Encode(Url.To("/console/reports") + "?by=" + dimension.ToString().ToLowerInvariant())}\">{T["Reports.By." + dimension]}</a>");
        }

        WriteLiteral($"</div> <a class=\"btn btn-sm btn-success\" id=\"report-csv\" href=\"{ConsoleText.Encode(csv)}\" download>{T["Reports.Csv"]}</a>");
        WriteChart(report);
        WriteTable(report);
    }

    /// <summary>Bars of the share on sale per row and channel: plain HTML, so it prints and needs no script.</summary>
    private void WriteChart(CoverageReportDto report)
    {
        WriteLiteral($"<h3>{T["Reports.Chart"]}</h3><div id=\"report-chart\">");
        var rows = report.Rows.Where(r => r.Eligible > 0).ToList();
        if (rows.Count == 0)
        {
            WriteLiteral($"<p class=\"oc-muted\">{T["Reports.Empty"]}</p></div>");
            return;
        }

        WriteLiteral("<table class=\"table table-condensed\"><tbody>");
        foreach (var row in rows)
        {
            WriteLiteral($"<tr><th style=\"width:16em\">{ConsoleText.Encode(row.Name)}</th><td>");
            foreach (var active in row.Active)
            {
                var percent = active.ActivePercent ?? 0;
                var width = Math.Clamp(percent, 0, 100).ToString("0.#", CultureInfo.InvariantCulture);
                WriteLiteral($"<div class=\"oc-chart-row\" data-channel=\"{ConsoleText.Encode(active.Channel)}\"><span class=\"oc-muted\" style=\"display:inline-block;width:9em\">{ConsoleText.Encode(active.Channel)}</span>"
                    + $"<span class=\"oc-bar\" style=\"width:calc({width}% * 0.6)\" title=\"{ConsoleText.Encode(Percent(active.ActivePercent))}\"></span> {Percent(active.ActivePercent)}</div>");
            }

            WriteLiteral("</td></tr>");
        }

        WriteLiteral("</tbody></table></div>");
    }

    private void WriteTable(CoverageReportDto report)
    {
        WriteLiteral($"<h3>{T["Reports.Table"]}</h3><table class=\"table\" id=\"report-table\"><thead><tr><th>{T["Reports.By." + report.By]}</th>"
            + $"<th>{T["Reports.Certified"]}</th><th>{T["Reports.Eligible"]}</th>");
        foreach (var channel in report.Channels)
        {
            WriteLiteral($"<th>{T["Reports.OnSale"]} {ConsoleText.Encode(channel)}</th>");
        }

        WriteLiteral("</tr></thead><tbody>");
        foreach (var row in report.Rows.Append(report.Total))
        {
            var total = ReferenceEquals(row, report.Total);
            var name = total ? T["Reports.Total"] : row.Name == CoverageCalculator.UnknownName ? T["Reports.Unknown"] : ConsoleText.Encode(row.Name);
            WriteLiteral($"<tr{(total ? " class=\"active\" id=\"report-total\"" : string.Empty)}><td>{(total ? $"<strong>{name}</strong>" : name)}</td>"
                + $"<td>{ConsoleText.Number(row.Certified)}</td><td>{ConsoleText.Number(row.Eligible)} <span class=\"oc-muted\">{Percent(row.EligiblePercent)}</span></td>");
            foreach (var channel in report.Channels)
            {
                var active = row.Active.FirstOrDefault(a => a.Channel == channel);
                WriteLiteral(active is null ? "<td>—</td>" : $"<td>{ConsoleText.Number(active.Active)} <span class=\"oc-muted\">{Percent(active.ActivePercent)}</span></td>");
            }

            WriteLiteral("</tr>");
        }

        WriteLiteral("</tbody></table>");
    }

    private static string Percent(decimal? value) =>
        value is { } v ? v.ToString("0.#", CultureInfo.GetCultureInfo("vi-VN")) + " %" : "—";
}
