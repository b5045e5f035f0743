using System.Text.Json.Nodes;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Sendo.Api;

/// <summary>
/// The Sendo partner product APIs the sync uses (MARKETPLACES.md §6.2). The bearer token is added by
/// <see cref="SendoAuthHandler"/>. Every method answers <see cref="IApiResponse{T}"/>: 4xx/5xx are outcomes, mapped
/// by <see cref="SendoErrorMapper"/>. Products travel as JSON objects, not DTOs: an update posts back the product as
/// read with our fields changed, so fields this adapter does not know (variants, promotions) survive it.
/// </summary>
internal interface ISendoApi
{
    /// <summary>Creates (<c>id: 0</c>) or updates (<c>id &gt; 0</c>) one whole product.</summary>
    [Post("/api/partner/product")]
    Task<IApiResponse<WireEnvelope>> SaveAsync([Body(buffered: true)] JsonObject product, CancellationToken cancellationToken);

    /// <summary>The same for several products in one call.</summary>
    [Post("/api/partner/product/list")]
    Task<IApiResponse<WireEnvelope>> SaveManyAsync([Body(buffered: true)] JsonArray products, CancellationToken cancellationToken);

    [Get("/api/partner/product")]
    Task<IApiResponse<WireEnvelope>> GetByIdAsync([AliasAs("id")] long id, CancellationToken cancellationToken);

    [Get("/api/partner/product")]
    Task<IApiResponse<WireEnvelope>> GetBySkuAsync([AliasAs("sku")] string sku, CancellationToken cancellationToken);

    [Post("/api/partner/product/search")]
    Task<IApiResponse<WireEnvelope>> SearchAsync([Body(buffered: true)] WireSearchRequest request, CancellationToken cancellationToken);
}

/// <summary><c>POST /login</c>: not authorised by a token, so on its own client without the bearer handler.</summary>
internal interface ISendoLoginApi
{
    [Post("/login")]
    Task<IApiResponse<WireEnvelope>> LoginAsync([Body(buffered: true)] WireLogin login, CancellationToken cancellationToken);
}
