using Microsoft.Extensions.Configuration;
using Ocop.MarketSync.Marketplaces.Sandbox;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Microsoft.Extensions.DependencyInjection;

public static class SandboxMarketplaceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>sandbox</c> <see cref="IMarketplaceClientFactory"/> and, for every section
    /// <c>Channels:{id}</c> with <c>Marketplace=sandbox</c>, a named HTTP client <c>marketplace:{id}</c> with its own
    /// resilience pipeline and the options of <c>Channels:{id}:Sandbox</c> (<see cref="SandboxChannelOptions"/>).
    /// </summary>
    /// <remarks>
    /// <para>
    /// The pipeline has an attempt timeout (default 10 s; <c>HttpClient.Timeout</c> is infinite so the pipeline is
    /// the only owner of timeouts) and retries only reads (by-SKU lookup, paging), once, on 5xx, connection errors
    /// and timeouts. Batch writes are <b>never</b> retried at the HTTP level: a write whose answer was lost may have
    /// been applied, and a blind second create is exactly the duplicate listing the engine must never cause. The
    /// engine's listing-level backoff retries failed items after resolving creates by SKU lookup, and Hangfire only
    /// re-triggers the push job; so one failed write costs one request per layer, and retries do not multiply
    /// (docs/decisions/0002-retry-layers.md). A 429 is not retried here either: the engine honours its Retry-After.
    /// </para>
    /// <para>
    /// When a channel has <c>CredentialsRef</c>, every request carries <c>Authorization: Bearer</c> from the key
    /// <c>{CredentialsRef}:AccessToken</c> (secrets stay out of config/). Channels are read once, here: a channel added
    /// to configuration later needs a restart.
    /// </para>
    /// </remarks>
    public static IServiceCollection AddSandboxMarketplace(this IServiceCollection services, IConfiguration configuration) =>
        services.AddMarketplace<SandboxChannelOptions>(configuration, SandboxCapabilities.Marketplace, "Sandbox", m => m
            .BindOptions((options, section) => options.Bind(section))
            .UseResilience((pipeline, options) =>
                MarketplaceHttpResilience.AddReadRetryAndTimeout(pipeline, options.ReadRetryDelay, options.AttemptTimeout))
            // Innermost: every attempt gets the current token.
            .ConfigureHttp((client, channel) =>
            {
                if (channel.CredentialsRef is { Length: > 0 } credentialsRef)
                {
                    client.AddHttpMessageHandler(() => new SandboxAccessTokenHandler(configuration, credentialsRef));
                }
            })
            .UseClientFactory<SandboxMarketplaceClientFactory>()
            .ValidateWith<SandboxChannelOptionsValidator>());
}
