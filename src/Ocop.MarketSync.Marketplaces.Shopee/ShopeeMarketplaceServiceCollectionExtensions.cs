using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.Shopee;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;
using Ocop.MarketSync.Sync.Marketplaces.Webhooks;

namespace Microsoft.Extensions.DependencyInjection;

public static class ShopeeMarketplaceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>shopee</c> client factory, authorizer and push reader and, for every section
    /// <c>Channels:{id}</c> with <c>Marketplace=shopee</c>, the options of <c>Channels:{id}:Shopee</c>
    /// (<see cref="ShopeeChannelOptions"/>, validated at start together with the secrets under
    /// <c>{CredentialsRef}:PartnerId</c>/<c>PartnerKey</c>) and a named HTTP client <c>marketplace:{id}</c>.
    /// </summary>
    /// <remarks>
    /// The client's pipeline owns timeouts (HttpClient.Timeout is infinite) and retries GETs once; POSTs never
    /// (docs/decisions/0002-retry-layers.md). Inside it, <see cref="ShopeeSigningHandler"/> signs every attempt with a
    /// fresh timestamp and the tokens of <see cref="IShopTokenSource"/>, which the host must register (the token
    /// store). Channels are read once, here: a channel added to configuration later needs a restart.
    /// </remarks>
    public static IServiceCollection AddShopeeMarketplace(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var registry = services.Select(d => d.ImplementationInstance).OfType<ShopeeChannelRegistry>().FirstOrDefault();
        if (registry is null)
        {
            registry = new ShopeeChannelRegistry();
            services.AddSingleton(registry);
        }

        foreach (var channel in configuration.GetSection("Channels").GetChildren())
        {
            var id = channel.Key;
            var credentialsRef = channel["CredentialsRef"];
            if (!string.Equals(channel["Marketplace"], ShopeeCapabilities.Marketplace, StringComparison.OrdinalIgnoreCase)
                || !registry.Add(new ShopeeChannelEntry(id, credentialsRef, channel.GetValue("Enabled", true))))
            {
                continue;
            }

            services.AddOptions<ShopeeChannelOptions>(id).Bind(channel.GetSection("Shopee")).ValidateOnStart();
            var client = services.AddHttpClient(ShopeeChannelRegistry.HttpClientName(id), http => http.Timeout = Timeout.InfiniteTimeSpan);
            client.AddResilienceHandler(ShopeeResilience.PipelineName, (pipeline, context) =>
                ShopeeResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptionsMonitor<ShopeeChannelOptions>>().Get(id)));
            // Inside the pipeline: every attempt waits its slot in the shop's pace (published limits, AIMD on 429).
            client.AddChannelPacing(id);
            // After the pipeline, so inside it: every attempt is signed with a fresh timestamp and the current token.
            client.AddHttpMessageHandler(provider => new ShopeeSigningHandler(
                id,
                provider.GetRequiredService<IOptionsMonitor<ShopeeChannelOptions>>().Get(id).ShopId,
                () => ShopeeCredentials.Read(configuration, credentialsRef),
                provider.GetService<IShopTokenSource>(),
                provider.GetRequiredService<TimeProvider>()));
        }

        services.AddHttpClient(ShopeeChannelRegistry.ImageClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ShopeeChannelOptions>, ShopeeChannelOptionsValidator>(
            _ => new ShopeeChannelOptionsValidator(configuration, registry)));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ShopeeMarketplaceClientFactory>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMarketplaceClientFactory, ShopeeMarketplaceClientFactory>(
            provider => provider.GetRequiredService<ShopeeMarketplaceClientFactory>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMarketplaceAuthorizer, ShopeeAuthorizer>(provider => new ShopeeAuthorizer(
            provider.GetRequiredService<ShopeeMarketplaceClientFactory>(),
            provider.GetRequiredService<IOptionsMonitor<ShopeeChannelOptions>>(),
            configuration,
            provider.GetRequiredService<TimeProvider>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMarketplaceWebhookReader, ShopeeWebhookReader>(
            provider => new ShopeeWebhookReader(
                registry, provider.GetRequiredService<IOptionsMonitor<ShopeeChannelOptions>>(), configuration)));
        return services;
    }
}
