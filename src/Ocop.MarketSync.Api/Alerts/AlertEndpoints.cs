using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Api.Alerts;

/// <summary><c>/api/alerts</c>: what is stopped and needs a person (channels, registry, intake guard), as data.</summary>
public static class AlertEndpoints
{
    private const int Recent = 200;

    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/alerts", AlertsAsync).WithTags("Alerts")
            .WithSummary("Operational alerts, newest first: open ones (default), or all of the last 200 with ?state=all.");
        return app;
    }

    private static async Task<Results<Ok<List<AlertDto>>, ProblemHttpResult>> AlertsAsync(MarketSyncDbContext db, string? state, CancellationToken cancellationToken)
    {
        var query = db.Alerts.AsNoTracking();
        switch (state)
        {
            case null or "open":
                query = query.Where(a => a.ResolvedAt == null);
                break;
            case "all":
                break;
            default:
                return TypedResults.Problem("state must be 'open' or 'all'.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid parameter 'state'");
        }

        var alerts = await query.OrderByDescending(a => a.Id).Take(Recent).ToListAsync(cancellationToken);
        return TypedResults.Ok(alerts.Select(AlertDto.From).ToList());
    }
}

/// <param name="Kind"><c>channel.stopped</c>, <c>registry.unreachable</c> or <c>intake.guard</c>.</param>
/// <param name="Subject">The channel id or registry source.</param>
/// <param name="Notified">Whether the notifiers (log, signed webhook) accepted the notice of the last transition.</param>
public sealed record AlertDto(
    long Id, string Kind, string Subject, string Code, string Reason, DateTime Since, DateTime RaisedAt, DateTime LastSeenAt,
    DateTime? ResolvedAt, bool Notified)
{
    public static AlertDto From(OperationalAlert a) => new(
        a.Id, a.Kind, a.Subject, a.Code, a.Reason, a.Since, a.RaisedAt, a.LastSeenAt, a.ResolvedAt,
        a.ResolvedAt is null ? a.RaiseNotifiedAt is not null : a.ResolveNotifiedAt is not null);
}
