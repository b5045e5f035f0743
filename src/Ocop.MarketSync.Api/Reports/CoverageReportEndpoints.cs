using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Intake.Provinces;

namespace Ocop.MarketSync.Api.Reports;

/// <summary>
/// Programme reports. Read-only and aggregate, so public like the other status reads (only actions need staff).
/// </summary>
public static class CoverageReportEndpoints
{
    private static readonly string[] Formats = ["json", "csv"];

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/coverage", CoverageAsync).WithTags("Reports")
            .WithSummary("OCOP coverage by province, channel or group: certified, eligible and Active per channel, with percentages and a total.")
            .WithDescription("by = province (default) | channel | group; format = json (default) | csv (UTF-8 with BOM, for Excel). "
                + "Certified: not retired, certificate in force today in Asia/Ho_Chi_Minh. Eligible: not retired, intake outcome eligible. "
                + "Channel rows count only the products the channel could list (categories, services).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return app;
    }

    private static async Task<Results<Ok<CoverageReportDto>, FileContentHttpResult, ProblemHttpResult>> CoverageAsync(
        MarketSyncDbContext db,
        ChannelCatalog channels,
        IntakeClock clock,
        ProvinceDirectory provinces,
        string? by,
        string? format,
        CancellationToken cancellationToken)
    {
        var dimension = CoverageDimension.Province;
        if (!string.IsNullOrWhiteSpace(by)
            && (!Enum.TryParse(by.Trim(), ignoreCase: true, out dimension) || !Enum.IsDefined(dimension) || int.TryParse(by, out _)))
        {
            return Invalid("by", $"by '{by}' is not one of: province, channel, group.");
        }

        var csv = false;
        if (!string.IsNullOrWhiteSpace(format))
        {
            if (!Formats.Contains(format.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                return Invalid("format", $"format '{format}' is not one of: {string.Join(", ", Formats)}.");
            }

            csv = string.Equals(format.Trim(), "csv", StringComparison.OrdinalIgnoreCase);
        }

        var report = await CoverageReports.BuildAsync(dimension, db, channels, clock, provinces, cancellationToken);
        var today = report.Date;
        return csv
            ? TypedResults.File(CoverageCsvWriter.Write(report), CoverageCsvWriter.ContentType, CoverageCsvWriter.FileName(dimension, today))
            : TypedResults.Ok(report);
    }

    private static ProblemHttpResult Invalid(string parameter, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: $"Invalid query parameter '{parameter}'");
}
