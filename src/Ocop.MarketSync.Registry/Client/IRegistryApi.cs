using Refit;

namespace Ocop.MarketSync.Registry.Client;

/// <summary>
/// The registry's HTTP contract (docs/registry-api.yaml). Responses are taken raw so that
/// <see cref="RegistryClient"/> can read each record on its own and report exactly what is wrong.
/// </summary>
public interface IRegistryApi
{
    [Get("/api/v1/products/changes")]
    Task<HttpResponseMessage> GetChangesAsync(
        [AliasAs("cursor")] string? cursor,
        [AliasAs("limit")] int limit,
        CancellationToken cancellationToken);

    /// <summary>Listing changes written back to the registry; idempotent per item key, so a resend is harmless.</summary>
    [Post("/api/v1/listings/write-back")]
    Task<HttpResponseMessage> WriteBackAsync([Body] WriteBackRequest body, CancellationToken cancellationToken);
}
