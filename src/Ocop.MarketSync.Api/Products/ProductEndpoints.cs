using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Api.Hardening;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Intake.Provinces;

namespace Ocop.MarketSync.Api.Products;

/// <summary>Read-only status API over stored products, for staff and producers.</summary>
public static class ProductEndpoints
{
    private const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapProductEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/products").WithTags("Products");
        group.MapGet("/", ListAsync)
            .WithSummary("Products with their intake outcome, filtered by outcome and province (current or pre-2025 name, or code).");
        group.MapGet("/{registryId}", GetAsync)
            .WithSummary("One stored product: outcome, issues (code, message), normalised data, last seen.");
        return app;
    }

    private static async Task<Results<Ok<PageDto<ProductSummaryDto>>, ProblemHttpResult>> ListAsync(
        MarketSyncDbContext db,
        ProvinceDirectory provinces,
        string? outcome,
        string? province,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        var query = db.Products.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(outcome))
        {
            if (!Enum.TryParse<ProductOutcome>(outcome, ignoreCase: true, out var wanted) || int.TryParse(outcome, out _))
            {
                return TypedResults.Problem(
                    $"outcome '{outcome}' is not one of: eligible, ineligible, quarantined.",
                    statusCode: StatusCodes.Status400BadRequest, title: "Invalid query parameter 'outcome'");
            }

            query = query.Where(p => p.Outcome == wanted);
        }

        if (!string.IsNullOrWhiteSpace(province))
        {
            var text = province.Normalize(NormalizationForm.FormC).Trim();
            var match = provinces.Resolve(text);
            query = match is not null
                ? query.Where(p => p.Province == match.Name)
                : query.Where(p => p.ProvinceCode == text || p.Province == text);
        }

        var paging = PageRequest.From(page, pageSize, 50, MaxPageSize);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderBy(p => p.RegistryId)
            .Skip(paging.Skip)
            .Take(paging.Size)
            .Select(p => new { p.RegistryId, p.Name, p.Province, p.Stars, p.ProductSet, p.Outcome, p.Issues, p.CertificateValidUntil, p.RetiredAt, p.LastChangedAt })
            .ToListAsync(cancellationToken);
        var items = rows.Select(p => new ProductSummaryDto(
            p.RegistryId, p.Name, p.Province, p.Stars, p.ProductSet, p.Outcome,
            [.. p.Issues.Select(i => i.Code)], p.CertificateValidUntil, p.RetiredAt is not null, p.LastChangedAt)).ToList();
        return TypedResults.Ok(new PageDto<ProductSummaryDto>(items, paging.Number, paging.Size, total));
    }

    private static async Task<Results<Ok<ProductDetailDto>, ProblemHttpResult>> GetAsync(
        MarketSyncDbContext db, string registryId, CancellationToken cancellationToken)
    {
        var id = registryId.Normalize(NormalizationForm.FormC).Trim();
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.RegistryId == id, cancellationToken);
        if (product is null)
        {
            return TypedResults.Problem(
                $"No product '{id}' has come in from the registry.", statusCode: StatusCodes.Status404NotFound, title: "Product not found");
        }

        var lastSeen = await LastSeenAsync(db, product, cancellationToken);
        using var source = JsonDocument.Parse(product.SourceJson);
        return TypedResults.Ok(new ProductDetailDto(
            product.RegistryId, product.Outcome, product.Issues, product.Data, product.EvaluatedOn,
            product.FirstSeenAt, product.LastChangedAt, lastSeen, product.RetiredAt, source.RootElement.Clone()));
    }

    /// <summary>
    /// Unchanged products are deliberately not rewritten by a pull, so "last seen" is derived: a complete full
    /// pull that did not retire a product found it.
    /// </summary>
    private static async Task<DateTime> LastSeenAsync(MarketSyncDbContext db, Product product, CancellationToken cancellationToken)
    {
        var fullPulls = db.IntakeRuns.AsNoTracking()
            .Where(r => r.Kind == IntakeRunKind.Full && r.Status == IntakeRunStatus.Succeeded && r.FinishedAt >= product.FirstSeenAt);
        if (product.RetiredAt is { } retiredAt)
        {
            fullPulls = fullPulls.Where(r => r.FinishedAt < retiredAt);
        }

        var lastFull = await fullPulls.OrderByDescending(r => r.StartedAt).Select(r => (DateTime?)r.StartedAt).FirstOrDefaultAsync(cancellationToken);
        return lastFull is { } seen && seen > product.LastChangedAt ? seen : product.LastChangedAt;
    }
}
