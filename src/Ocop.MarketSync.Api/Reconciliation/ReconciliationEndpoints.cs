using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Api.Products;
using Ocop.MarketSync.Api.Security;
using Ocop.MarketSync.Api.Hardening;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Listings.Staff;

namespace Ocop.MarketSync.Api.Reconciliation;

/// <summary>Reconciliation reports per channel, and the staff action to reconcile now.</summary>
public static class ReconciliationEndpoints
{
    public static IEndpointRouteBuilder MapReconciliationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/channels/{id}").WithTags("Reconciliation");
        group.MapPost("/reconcile", ReconcileAsync)
            .WithSummary("Staff: reconcile the channel now. Returns the run (an already queued or running one if there is one).")
            .RequireAuthorization(StaffAuthentication.Policy);
        group.MapGet("/reconciliations", ListAsync).WithSummary("The channel's reconciliation runs, newest first, with their counts.");
        group.MapGet("/reconciliations/{runId:long}", GetAsync)
            .WithSummary("One run: counts, duration and its findings (drifted, missing, banned, orphaned items), optionally of one kind.");
        return app;
    }

    private static async Task<Results<Accepted<ReconciliationRunDto>, ProblemHttpResult>> ReconcileAsync(
        StaffActions actions, ClaimsPrincipal user, string id, CancellationToken cancellationToken)
    {
        var run = await actions.ReconcileNowAsync(id, StaffUser.Name(user), cancellationToken);
        return run is null ? NoChannel(id) : TypedResults.Accepted($"/api/channels/{id}/reconciliations/{run.Id}", ReconciliationRunDto.From(run));
    }

    private static async Task<Results<Ok<PageDto<ReconciliationRunDto>>, ProblemHttpResult>> ListAsync(
        MarketSyncDbContext db, ChannelCatalog channels, string id, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (channels.Find(id) is null)
        {
            return NoChannel(id);
        }

        var query = db.ReconciliationRuns.AsNoTracking().Where(r => r.ChannelId == id);
        var paging = PageRequest.From(page, pageSize, 20, 100);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(r => r.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PageDto<ReconciliationRunDto>([.. rows.Select(ReconciliationRunDto.From)], paging.Number, paging.Size, total));
    }

    private static async Task<Results<Ok<ReconciliationReportDto>, ProblemHttpResult>> GetAsync(
        MarketSyncDbContext db, string id, long runId, string? kind, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var run = await db.ReconciliationRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId && r.ChannelId == id, cancellationToken);
        if (run is null)
        {
            return TypedResults.Problem($"Channel '{id}' has no reconciliation run {runId}.", statusCode: StatusCodes.Status404NotFound, title: "Run not found");
        }

        var findings = db.ReconciliationFindings.AsNoTracking().Where(f => f.RunId == runId);
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!Enum.TryParse<ReconciliationFindingKind>(kind, ignoreCase: true, out var wanted) || int.TryParse(kind, out _))
            {
                return TypedResults.Problem($"kind '{kind}' is not one of: {string.Join(", ", Enum.GetNames<ReconciliationFindingKind>())}.",
                    statusCode: StatusCodes.Status400BadRequest, title: "Invalid query parameter 'kind'");
            }

            findings = findings.Where(f => f.Kind == wanted);
        }

        var paging = PageRequest.From(page, pageSize, 100, 500);
        var total = await findings.CountAsync(cancellationToken);
        var rows = await findings.OrderBy(f => f.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ReconciliationReportDto(
            ReconciliationRunDto.From(run),
            new PageDto<ReconciliationFindingDto>([.. rows.Select(ReconciliationFindingDto.From)], paging.Number, paging.Size, total)));
    }

    private static ProblemHttpResult NoChannel(string id) =>
        TypedResults.Problem($"No channel '{id}' is configured.", statusCode: StatusCodes.Status404NotFound, title: "Channel not found");
}
