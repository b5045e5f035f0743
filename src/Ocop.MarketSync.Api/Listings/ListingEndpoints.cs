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

namespace Ocop.MarketSync.Api.Listings;

/// <summary>Where products are listed, per product and per channel; staff actions to retry and push now.</summary>
public static class ListingEndpoints
{
    public static IEndpointRouteBuilder MapListingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/products/{registryId}/listings", ForProductAsync).WithTags("Listings")
            .WithSummary("A product's listing on every channel: state, remote id, link, last push, last error, next attempt.");
        app.MapGet("/api/channels", ChannelsAsync).WithTags("Channels").WithSummary("Channels with their listings counted by state, their health and their last push run that did something.");
        app.MapGet("/api/channels/{id}/listings", ForChannelAsync).WithTags("Channels").WithSummary("A channel's listings, optionally in one state.");
        app.MapPost("/api/listings/{id:long}/retry", RetryAsync).WithTags("Listings")
            .WithSummary("Staff: retry a listing now (also a Rejected one) and trigger its channel's push.")
            .RequireAuthorization(StaffAuthentication.Policy);
        app.MapPost("/api/listings/{id:long}/approve-price", ApprovePriceAsync).WithTags("Listings")
            .WithSummary("Staff: approve a price change held by the channel's guard; it is pushed next.")
            .RequireAuthorization(StaffAuthentication.Policy);
        app.MapPost("/api/channels/{id}/push", PushNowAsync).WithTags("Channels")
            .WithSummary("Staff: plan and push a channel now.")
            .RequireAuthorization(StaffAuthentication.Policy);
        return app;
    }

    private static async Task<Results<Ok<List<ListingDto>>, ProblemHttpResult>> ForProductAsync(
        MarketSyncDbContext db, ChannelCatalog channels, string registryId, CancellationToken cancellationToken)
    {
        var id = registryId.Normalize(System.Text.NormalizationForm.FormC).Trim();
        if (!await db.Products.AnyAsync(p => p.RegistryId == id, cancellationToken))
        {
            return TypedResults.Problem($"No product '{id}' has come in from the registry.", statusCode: StatusCodes.Status404NotFound, title: "Product not found");
        }

        var listings = await db.Listings.AsNoTracking().Where(l => l.RegistryId == id).OrderBy(l => l.ChannelId).ToListAsync(cancellationToken);
        return TypedResults.Ok(listings.Select(l => ListingDto.From(l, channels.Find(l.ChannelId)?.Marketplace)).ToList());
    }

    private static async Task<Ok<List<ChannelDto>>> ChannelsAsync(MarketSyncDbContext db, ChannelCatalog channels, CancellationToken cancellationToken)
    {
        var counts = await db.Listings.AsNoTracking()
            .GroupBy(l => new { l.ChannelId, l.State })
            .Select(g => new { g.Key.ChannelId, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var dirty = await db.Listings.AsNoTracking().Where(l => l.Dirty)
            .GroupBy(l => l.ChannelId).Select(g => new { ChannelId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.ChannelId, g => g.Count, cancellationToken);
        var authorizations = await db.ChannelAuthorizations.AsNoTracking().ToDictionaryAsync(a => a.ChannelId, cancellationToken);
        var stopped = await db.Alerts.AsNoTracking()
            .Where(a => a.Kind == Sync.Operations.AlertKinds.ChannelStopped && a.ResolvedAt == null)
            .ToDictionaryAsync(a => a.Subject, cancellationToken);
        var pushes = await db.ChannelPushRuns.AsNoTracking().ToDictionaryAsync(r => r.ChannelId, cancellationToken);
        var result = channels.All.Select(c => new ChannelDto(
            c.Id, c.Marketplace, c.Enabled,
            Enum.GetValues<ListingState>().ToDictionary(s => s, s => counts.Where(x => x.ChannelId == c.Id && x.State == s).Sum(x => x.Count)),
            dirty.GetValueOrDefault(c.Id),
            authorizations.TryGetValue(c.Id, out var a) ? ChannelAuthorizationDto.From(a) : null,
            ChannelHealthDto.From(stopped.GetValueOrDefault(c.Id)),
            pushes.TryGetValue(c.Id, out var push) ? ChannelPushRunDto.From(push) : null)).ToList();
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<PageDto<ListingDto>>, ProblemHttpResult>> ForChannelAsync(
        MarketSyncDbContext db, ChannelCatalog channels, string id, string? state, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (channels.Find(id) is not { } channel)
        {
            return TypedResults.Problem($"No channel '{id}' is configured.", statusCode: StatusCodes.Status404NotFound, title: "Channel not found");
        }

        var query = db.Listings.AsNoTracking().Where(l => l.ChannelId == id);
        if (!string.IsNullOrWhiteSpace(state))
        {
            if (!Enum.TryParse<ListingState>(state, ignoreCase: true, out var wanted) || int.TryParse(state, out _))
            {
                return TypedResults.Problem($"state '{state}' is not one of: {string.Join(", ", Enum.GetNames<ListingState>())}.",
                    statusCode: StatusCodes.Status400BadRequest, title: "Invalid query parameter 'state'");
            }

            query = query.Where(l => l.State == wanted);
        }

        var paging = PageRequest.From(page, pageSize, 50, 200);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(l => l.RegistryId).Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PageDto<ListingDto>([.. rows.Select(l => ListingDto.From(l, channel.Marketplace))], paging.Number, paging.Size, total));
    }

    private static async Task<Results<Accepted<ListingDto>, ProblemHttpResult>> RetryAsync(
        StaffActions actions, ChannelCatalog channels, ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        var outcome = (await actions.RetryAsync([id], StaffUser.Name(user), cancellationToken)).Single();
        return Answer(outcome, channels, "Listing not found");
    }

    private static async Task<Results<Accepted<ListingDto>, ProblemHttpResult>> ApprovePriceAsync(
        StaffActions actions, ChannelCatalog channels, ClaimsPrincipal user, long id, CancellationToken cancellationToken) =>
        Answer(await actions.ApprovePriceAsync(id, StaffUser.Name(user), cancellationToken), channels, "No held price");

    private static async Task<Results<Accepted, ProblemHttpResult>> PushNowAsync(
        StaffActions actions, ClaimsPrincipal user, string id, CancellationToken cancellationToken)
    {
        var outcome = await actions.PushNowAsync(id, StaffUser.Name(user), cancellationToken);
        return outcome.Done
            ? TypedResults.Accepted($"/api/channels/{id}/listings")
            : TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status404NotFound, title: "Channel not found");
    }

    private static Results<Accepted<ListingDto>, ProblemHttpResult> Answer(StaffActionOutcome outcome, ChannelCatalog channels, string conflictTitle) =>
        outcome.Status switch
        {
            StaffActionStatus.Done => TypedResults.Accepted($"/api/channels/{outcome.ChannelId}/listings",
                ListingDto.From(outcome.Listing!, channels.Find(outcome.ChannelId!)?.Marketplace)),
            StaffActionStatus.Conflict => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status409Conflict, title: conflictTitle),
            _ => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status404NotFound, title: "Listing not found"),
        };
}
