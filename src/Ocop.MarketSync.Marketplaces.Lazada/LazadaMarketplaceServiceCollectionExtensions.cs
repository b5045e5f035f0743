using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.Lazada;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;
using Ocop.MarketSync.Sync.Marketplaces.Registration;
using Ocop.MarketSync.Sync.Marketplaces.Webhooks;

namespace Microsoft.Extensions.DependencyInjection;

public static class LazadaMarketplaceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>lazada</c> <see cref="IMarketplaceClientFactory"/>, <see cref="IMarketplaceAuthorizer"/> and
    /// <see cref="IMarketplaceWebhookReader"/> and, for every section <c>Channels:{id}</c> with <c>Marketplace=lazada</c>,
    /// the options of <c>Channels:{id}:Lazada</c> (validated at start) and two named HTTP clients: <c>marketplace:{id}</c>
    /// (the gateway, <c>Channels:{id}:BaseUrl</c>) and <c>marketplace-auth:{id}</c> (the token host), each with its
    /// resilience pipeline and, inside it, the signing handler (so every attempt is signed anew).
    /// </summary>
    /// <remarks>
    /// The app key and secret are read from <c>{CredentialsRef}:AppKey</c> and <c>{CredentialsRef}:AppSecret</c> on every
    /// call. The shop's tokens come from an <see cref="IShopTokenSource"/>, which the host must register (the token
    /// store); it is not registered here. Channels are read once, here: a channel added later needs a restart.
    /// </remarks>
    public static IServiceCollection AddLazadaMarketplace(this IServiceCollection services, IConfiguration configuration) =>
        services.AddMarketplace<LazadaChannelOptions>(configuration, LazadaCapabilities.Marketplace, "Lazada", m => m
            .BindOptions((options, section) => options.Bind(section))
            // One retry of failed reads (GET). Writes are never retried: a create whose answer was lost may have gone
            // through, and a refresh whose answer was lost has already invalidated the old refresh token. Throttling
            // (ApiCallLimit, 901) arrives with HTTP 200 and is left to the engine's RetryAfter wait.
            .UseResilience((pipeline, options) =>
                MarketplaceHttpResilience.AddReadRetryAndTimeout(pipeline, options.ReadRetryDelay, options.AttemptTimeout))
            // Innermost: every attempt is signed with a fresh timestamp and the current token (over the gateway's path).
            .ConfigureHttp((client, channel) => client.AddHttpMessageHandler(sp => new LazadaSigningHandler(
                channel.Id, channel.BaseUrl?.AbsolutePath.TrimEnd('/') ?? string.Empty,
                () => LazadaCredentials.Read(configuration, channel.Id, channel.CredentialsRef),
                sp.GetRequiredService<IShopTokenSource>(), sp.GetRequiredService<TimeProvider>())))
            // The token host: same pipeline and pace, signed over its own path and without an access token.
            .AddChannelHttpClient(LazadaMarketplaceClientFactory.AuthClientName, (client, channel) => client.AddHttpMessageHandler(sp => new LazadaSigningHandler(
                channel.Id, sp.GetRequiredService<IOptionsMonitor<LazadaChannelOptions>>().Get(channel.Id).AuthBaseUrl.AbsolutePath.TrimEnd('/'),
                () => LazadaCredentials.Read(configuration, channel.Id, channel.CredentialsRef), null, sp.GetRequiredService<TimeProvider>())))
            .ValidateWith<LazadaChannelOptionsValidator>()
            .UseClientFactory<LazadaMarketplaceClientFactory>()
            .UseAuthorizer<LazadaAuthorizer>()
            .UseWebhookReader(sp => new LazadaWebhookReader(
                configuration, sp.GetRequiredService<IOptionsMonitor<LazadaChannelOptions>>(),
                sp.GetRequiredService<MarketplaceChannelRegistry<LazadaChannelOptions>>())));
}
