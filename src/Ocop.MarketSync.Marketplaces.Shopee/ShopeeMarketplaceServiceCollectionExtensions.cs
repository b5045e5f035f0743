using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.Shopee;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;
using Ocop.MarketSync.Sync.Marketplaces.Registration;

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
        services.AddMarketplace<ShopeeChannelOptions>(configuration, ShopeeCapabilities.Marketplace, "Shopee", m => m
            .BindOptions((options, section) => options.Bind(section))
            // One retry of failed reads (GET). Writes are all POSTs and never retried: add_item has no idempotency key,
            // so a lost answer is resolved by search_item. A throttled call is left to the engine's RateLimited wait.
            .UseResilience((pipeline, options) =>
                MarketplaceHttpResilience.AddReadRetryAndTimeout(pipeline, options.ReadRetryDelay, options.AttemptTimeout))
            // Innermost: every attempt is signed with a fresh timestamp and the current token.
            .ConfigureHttp((client, channel) => client.AddHttpMessageHandler(provider => new ShopeeSigningHandler(
                channel.Id,
                provider.GetRequiredService<IOptionsMonitor<ShopeeChannelOptions>>().Get(channel.Id).ShopId,
                () => ShopeeCredentials.Read(configuration, channel.CredentialsRef),
                provider.GetService<IShopTokenSource>(),
                provider.GetRequiredService<TimeProvider>())))
            .ValidateWith(provider => new ShopeeChannelOptionsValidator(
                configuration, provider.GetRequiredService<MarketplaceChannelRegistry<ShopeeChannelOptions>>()))
            .UseClientFactory<ShopeeMarketplaceClientFactory>()
            .UseAuthorizer(provider => new ShopeeAuthorizer(
                provider.GetRequiredService<ShopeeMarketplaceClientFactory>(),
                provider.GetRequiredService<IOptionsMonitor<ShopeeChannelOptions>>(),
                configuration,
                provider.GetRequiredService<TimeProvider>()))
            .UseWebhookReader(provider => new ShopeeWebhookReader(
                provider.GetRequiredService<MarketplaceChannelRegistry<ShopeeChannelOptions>>(),
                provider.GetRequiredService<IOptionsMonitor<ShopeeChannelOptions>>(),
                configuration)));
        services.AddHttpClient(ShopeeMarketplaceClientFactory.ImageClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        return services;
    }
}
