using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.TikTokShop;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

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
    /// the HTTP level: TikTok has no idempotency key, so a create whose answer was lost and sent again is a duplicate
    /// listing; a 429 is not retried either, the engine waits across the whole channel. The signing handler sits
    /// inside the pipeline so every attempt is signed with the time it is sent. Channels are read once, here: a
    /// channel added later needs a restart.
    /// </remarks>
    public static IServiceCollection AddTikTokShopMarketplace(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddMarketplace<TikTokShopChannelOptions>(configuration, TikTokShopCapabilities.Marketplace, "TikTokShop", m => m
            .BindOptions((options, section) => options.Bind(section))
            .UseResilience((pipeline, options) =>
                MarketplaceHttpResilience.AddReadRetryAndTimeout(pipeline, options.ReadRetryDelay, options.AttemptTimeout))
            .ForEachChannel((channelServices, channel) =>
            {
                var credentialsRef = channel.CredentialsRef is { Length: > 0 } reference ? reference : $"Channels:{channel.Id}:CredentialsRef";
                var credentialOptions = channelServices.AddOptions<TikTokShopCredentials>(channel.Id).Configure(keys =>
                {
                    var section = configuration.GetSection(credentialsRef);
                    keys.AppKey = section["AppKey"] ?? string.Empty;
                    keys.AppSecret = section["AppSecret"] ?? string.Empty;
                    keys.Section = credentialsRef;
                });
                if (channel.Enabled)
                {
                    // A disabled channel is never called, so its keys need not exist; they are still validated when read.
                    credentialOptions.ValidateOnStart();
                }
            })
            .ConfigureHttp((client, channel) => client.AddHttpMessageHandler(sp => new TikTokShopSigningHandler(
                channel.Id,
                sp.GetRequiredService<IOptionsMonitor<TikTokShopCredentials>>().Get(channel.Id),
                sp.GetRequiredService<IShopTokenSource>(),
                sp.GetRequiredService<TimeProvider>())))
            .ValidateWith<TikTokShopChannelOptionsValidator>()
            .UseClientFactory<TikTokShopMarketplaceClientFactory>()
            .UseAuthorizer<TikTokShopAuthorizer>()
            .UseWebhookReader<TikTokShopWebhookReader>());

        // Token calls: no retries (a code works once), one timeout; the URLs carry the app secret, never log them.
        services.AddHttpClient(TikTokShopMarketplaceClientFactory.AuthHttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(TikTokShopMarketplaceClientFactory.ImagesHttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TikTokShopCredentials>, TikTokShopCredentialsValidator>());
        return services;
    }
}
