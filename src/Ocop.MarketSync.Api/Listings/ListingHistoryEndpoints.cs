using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Api.Products;
using Ocop.MarketSync.Api.Hardening;
using Ocop.MarketSync.Data;

namespace Ocop.MarketSync.Api.Listings;

/// <summary>The audit trail of one listing: every push attempt, newest first.</summary>
public static class ListingHistoryEndpoints
{
    public static IEndpointRouteBuilder MapListingHistoryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/listings/{id:long}/history", HistoryAsync).WithTags("Listings")
            .WithSummary("Every push attempt of a listing (operation, values sent, result, marketplace request id, time), newest first.");
        return app;
    }

    private static async Task<Results<Ok<PageDto<PushAttemptDto>>, ProblemHttpResult>> HistoryAsync(
        MarketSyncDbContext db, long id, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (!await db.Listings.AnyAsync(l => l.Id == id, cancellationToken))
        {
            return TypedResults.Problem($"No listing {id}.", statusCode: StatusCodes.Status404NotFound, title: "Listing not found");
        }

        var query = db.PushAttempts.AsNoTracking().Where(a => a.ListingId == id);
        var paging = PageRequest.From(page, pageSize, 50, 200);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(a => a.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PageDto<PushAttemptDto>(
            [.. rows.Select(a => new PushAttemptDto(a.Id, a.Operation, JsonDocument.Parse(a.Sent).RootElement.Clone(), a.Result, a.Message, a.RequestId, a.RemoteId, a.At))],
            paging.Number, paging.Size, total));
    }
}

/// <param name="Sent">The values sent, as JSON (descriptions as their length and SHA-256).</param>
/// <param name="Result">"ok" or the error kind (Transient, RateLimited, Rejected, AuthExpired, NotFound, Deferred, Misconfigured).</param>
public sealed record PushAttemptDto(long Id, string Operation, JsonElement Sent, string Result, string? Message, string? RequestId, string? RemoteId, DateTime At);
