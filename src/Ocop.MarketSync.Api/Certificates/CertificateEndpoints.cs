using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Api.Products;
using Ocop.MarketSync.Api.Hardening;
using Ocop.MarketSync.Data;

namespace Ocop.MarketSync.Api.Certificates;

/// <summary>Warnings sent to producers whose certificates end soon.</summary>
public static class CertificateEndpoints
{
    public static IEndpointRouteBuilder MapCertificateEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/certificates/warnings", ListAsync).WithTags("Certificates")
            .WithSummary("Certificate expiry warnings (lead time, end date, delivery), newest first; ?registryId= for one product, ?pending=true for undelivered.");
        return app;
    }

    private static async Task<Ok<PageDto<CertificateWarningDto>>> ListAsync(
        MarketSyncDbContext db, string? registryId, bool? pending, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var query = db.CertificateWarnings.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(registryId))
        {
            var id = registryId.Normalize(System.Text.NormalizationForm.FormC).Trim();
            query = query.Where(w => w.RegistryId == id);
        }

        if (pending == true)
        {
            query = query.Where(w => w.NotifiedAt == null);
        }

        var paging = PageRequest.From(page, pageSize, 50, 200);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(w => w.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PageDto<CertificateWarningDto>(
            [.. rows.Select(w => new CertificateWarningDto(w.RegistryId, w.ValidUntil, w.LeadDays, w.CreatedAt, w.NotifiedAt, w.Attempts, w.LastError))],
            paging.Number, paging.Size, total));
    }
}

public sealed record CertificateWarningDto(
    string RegistryId, DateOnly ValidUntil, int LeadDays, DateTime CreatedAt, DateTime? NotifiedAt, int Attempts, string? LastError);
