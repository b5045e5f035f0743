using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Api.Products;
using Ocop.MarketSync.Api.Hardening;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Api.Intake;

/// <summary>What intake did: its runs, and the alerts staff must look at (e.g. the mass-disappearance guard).</summary>
public static class IntakeEndpoints
{
    public static IEndpointRouteBuilder MapIntakeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/intake").WithTags("Intake");
        group.MapGet("/runs", RunsAsync).WithSummary("Intake runs, newest first: counts, status, error, alert.");
        group.MapGet("/alerts", AlertsAsync)
            .WithSummary("Runs that raised an alert or failed, newest first. An alert stays listed until a later run of the same kind succeeds.");
        return app;
    }

    private static async Task<Ok<PageDto<IntakeRun>>> RunsAsync(
        MarketSyncDbContext db, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize, 20, 100);
        var total = await db.IntakeRuns.CountAsync(cancellationToken);
        var runs = await db.IntakeRuns.AsNoTracking()
            .OrderByDescending(r => r.Id)
            .Skip(paging.Skip).Take(paging.Size)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PageDto<IntakeRun>(runs, paging.Number, paging.Size, total));
    }

    private static async Task<Ok<IReadOnlyList<IntakeRun>>> AlertsAsync(MarketSyncDbContext db, CancellationToken cancellationToken)
    {
        var recent = await db.IntakeRuns.AsNoTracking()
            .Where(r => r.Status != IntakeRunStatus.Running)
            .OrderByDescending(r => r.Id)
            .Take(200)
            .ToListAsync(cancellationToken);

        // An alert is open while no later run of the same kind and source has succeeded.
        var open = recent
            .Where(r => r.Status is IntakeRunStatus.GuardTripped or IntakeRunStatus.Failed)
            .Where(r => !recent.Any(later => later.Id > r.Id && later.Kind == r.Kind && later.Source == r.Source
                && later.Status == IntakeRunStatus.Succeeded))
            .ToList();
        return TypedResults.Ok<IReadOnlyList<IntakeRun>>(open);
    }
}
