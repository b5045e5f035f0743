using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
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
    public static IServiceCollection AddSandboxMarketplace(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var registry = services.Select(d => d.ImplementationInstance).OfType<SandboxChannelRegistry>().FirstOrDefault();
        if (registry is null)
        {
            registry = new SandboxChannelRegistry();
            services.AddSingleton(registry);
        }

        foreach (var channel in configuration.GetSection("Channels").GetChildren())
        {
            if (!string.Equals(channel["Marketplace"], SandboxCapabilities.Marketplace, StringComparison.OrdinalIgnoreCase)
                || !registry.Add(channel.Key))
            {
                continue;
            }

            var id = channel.Key;
            services.AddOptions<SandboxChannelOptions>(id).Bind(channel.GetSection("Sandbox")).ValidateOnStart();
            var client = services.AddHttpClient(SandboxChannelRegistry.HttpClientName(id), http => http.Timeout = Timeout.InfiniteTimeSpan);
            client.AddResilienceHandler(SandboxResilience.PipelineName, (pipeline, context) =>
                SandboxResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptionsMonitor<SandboxChannelOptions>>().Get(id)));
            // Inside the pipeline: every attempt waits its slot in the shop's pace (published limits, AIMD on 429).
            client.AddChannelPacing(id);
            // After the pipeline, so it is inside it: every attempt gets the current token.
            if (channel["CredentialsRef"] is { Length: > 0 } credentialsRef)
            {
                client.AddHttpMessageHandler(() => new SandboxAccessTokenHandler(configuration, credentialsRef));
            }
        }

        // The factory needs IHttpClientFactory even when no channel is a sandbox one (the engine resolves every factory).
        services.AddHttpClient();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SandboxChannelOptions>, SandboxChannelOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMarketplaceClientFactory, SandboxMarketplaceClientFactory>());
        return services;
    }
}
