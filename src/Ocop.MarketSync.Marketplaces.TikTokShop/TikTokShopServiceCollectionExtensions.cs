using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.TikTokShop;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;
using Ocop.MarketSync.Sync.Marketplaces.Webhooks;

namespace Microsoft.Extensions.DependencyInjection;

public static class TikTokShopServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>tiktokshop</c> client factory, authorizer and webhook reader and, for every section
    /// <c>Channels:{id}</c> with <c>Marketplace=tiktokshop</c>: the options of <c>Channels:{id}:TikTokShop</c>, the
    /// app keys of <c>{CredentialsRef}:AppKey</c>/<c>:AppSecret</c> (both validated at start), and a named HTTP
    /// client <c>marketplace:{id}</c> = resilience pipeline (attempt timeout; one retry of GETs only) → signing handler.
    /// </summary>
    /// <remarks>
    /// Needs an <see cref="IShopTokenSource"/> registered by the host (the token store). Writes are never retried at
    /// the HTTP level (a lost create answer sent again is a duplicate listing); see <see cref="TikTokShopResilience"/>.
    /// The signing handler sits inside the pipeline so every attempt is signed with the time it is sent. Channels are
    /// read once, here: a channel added later needs a restart.
    /// </remarks>
    public static IServiceCollection AddTikTokShopMarketplace(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var registry = services.Select(d => d.ImplementationInstance).OfType<TikTokShopChannelRegistry>().FirstOrDefault();
        if (registry is null)
        {
            registry = new TikTokShopChannelRegistry();
            services.AddSingleton(registry);
        }

        foreach (var channel in configuration.GetSection("Channels").GetChildren())
        {
            if (!string.Equals(channel["Marketplace"], TikTokShopCapabilities.Marketplace, StringComparison.OrdinalIgnoreCase)
                || !registry.Add(channel.Key))
            {
                continue;
            }

            var id = channel.Key;
            var credentialsRef = channel["CredentialsRef"] is { Length: > 0 } reference ? reference : $"Channels:{id}:CredentialsRef";
            services.AddOptions<TikTokShopChannelOptions>(id).Bind(channel.GetSection("TikTokShop")).ValidateOnStart();
            var credentialOptions = services.AddOptions<TikTokShopCredentials>(id)
                .Configure(keys =>
                {
                    var section = configuration.GetSection(credentialsRef);
                    keys.AppKey = section["AppKey"] ?? string.Empty;
                    keys.AppSecret = section["AppSecret"] ?? string.Empty;
                    keys.Section = credentialsRef;
                });
            if (channel.GetValue("Enabled", true))
            {
                // A disabled channel is never called, so its keys need not exist; they are still validated when read.
                credentialOptions.ValidateOnStart();
            }

            var client = services.AddHttpClient(TikTokShopChannelRegistry.HttpClientName(id), http => http.Timeout = Timeout.InfiniteTimeSpan);
            client.AddResilienceHandler(TikTokShopResilience.PipelineName, (pipeline, context) =>
                    TikTokShopResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptionsMonitor<TikTokShopChannelOptions>>().Get(id)));
            // Inside the pipeline: every attempt waits its slot in the shop's pace (published limits, AIMD on 429).
            client.AddChannelPacing(id);
            client.AddHttpMessageHandler(sp => new TikTokShopSigningHandler(
                    id,
                    sp.GetRequiredService<IOptionsMonitor<TikTokShopCredentials>>().Get(id),
                    sp.GetRequiredService<IShopTokenSource>(),
                    sp.GetRequiredService<TimeProvider>()));
        }

        // Token calls: no retries (a code works once), one timeout; the URLs carry the app secret, never log them.
        services.AddHttpClient(TikTokShopChannelRegistry.AuthHttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(TikTokShopChannelRegistry.ImagesHttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TikTokShopChannelOptions>, TikTokShopChannelOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TikTokShopCredentials>, TikTokShopCredentialsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMarketplaceClientFactory, TikTokShopMarketplaceClientFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMarketplaceAuthorizer, TikTokShopAuthorizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMarketplaceWebhookReader, TikTokShopWebhookReader>());
        return services;
    }
}
