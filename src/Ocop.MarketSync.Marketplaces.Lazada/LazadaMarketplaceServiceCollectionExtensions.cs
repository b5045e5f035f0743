using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.Lazada;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;
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
    public static IServiceCollection AddLazadaMarketplace(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var registry = services.Select(d => d.ImplementationInstance).OfType<LazadaChannelRegistry>().FirstOrDefault();
        if (registry is null)
        {
            registry = new LazadaChannelRegistry();
            services.AddSingleton(registry);
        }

        foreach (var channel in configuration.GetSection("Channels").GetChildren())
        {
            var credentialsRef = channel["CredentialsRef"];
            if (!string.Equals(channel["Marketplace"], LazadaCapabilities.Marketplace, StringComparison.OrdinalIgnoreCase)
                || !registry.Add(channel.Key, credentialsRef))
            {
                continue;
            }

            var id = channel.Key;
            services.AddOptions<LazadaChannelOptions>(id).Bind(channel.GetSection("Lazada")).ValidateOnStart();
            var gatewayPath = Uri.TryCreate(channel["BaseUrl"], UriKind.Absolute, out var baseUrl) ? baseUrl.AbsolutePath.TrimEnd('/') : string.Empty;
            AddClient(services, LazadaChannelRegistry.ApiClientName(id), id, sp => new LazadaSigningHandler(
                id, gatewayPath, () => LazadaCredentials.Read(configuration, id, credentialsRef),
                sp.GetRequiredService<IShopTokenSource>(), sp.GetRequiredService<TimeProvider>()));
            AddClient(services, LazadaChannelRegistry.AuthClientName(id), id, sp => new LazadaSigningHandler(
                id, sp.GetRequiredService<IOptionsMonitor<LazadaChannelOptions>>().Get(id).AuthBaseUrl.AbsolutePath.TrimEnd('/'),
                () => LazadaCredentials.Read(configuration, id, credentialsRef), null, sp.GetRequiredService<TimeProvider>()));
        }

        services.AddHttpClient();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LazadaChannelOptions>, LazadaChannelOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMarketplaceClientFactory, LazadaMarketplaceClientFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMarketplaceAuthorizer, LazadaAuthorizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMarketplaceWebhookReader, LazadaWebhookReader>(sp => new LazadaWebhookReader(
            configuration, sp.GetRequiredService<IOptionsMonitor<LazadaChannelOptions>>(), sp.GetRequiredService<LazadaChannelRegistry>())));
        return services;
    }

    private static void AddClient(IServiceCollection services, string name, string channelId, Func<IServiceProvider, DelegatingHandler> signer)
    {
        var client = services.AddHttpClient(name, http => http.Timeout = Timeout.InfiniteTimeSpan);
        client.AddResilienceHandler(LazadaResilience.PipelineName, (pipeline, context) =>
            LazadaResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptionsMonitor<LazadaChannelOptions>>().Get(channelId)));
        // Inside the pipeline: every attempt waits its slot in the shop's pace (published limits, AIMD on 429).
        client.AddChannelPacing(channelId);
        // After the pipeline, so it is inside it: every attempt is signed with a fresh timestamp and the current token.
        client.AddHttpMessageHandler(signer);
    }
}
