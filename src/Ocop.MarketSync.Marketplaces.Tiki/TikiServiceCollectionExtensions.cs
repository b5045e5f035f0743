using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.Tiki;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Microsoft.Extensions.DependencyInjection;

public static class TikiServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>tiki</c> client factory, authorizer and event queue reader and, for every section
    /// <c>Channels:{id}</c> with <c>Marketplace=tiki</c>: the options of <c>Channels:{id}:Tiki</c>, the OAuth2 client of
    /// <c>{CredentialsRef}:ClientId</c>/<c>:ClientSecret</c> (both validated at start), and a named HTTP client
    /// <c>marketplace:{id}</c> = resilience pipeline (attempt timeout; one retry of GETs only) → pacing → bearer handler.
    /// </summary>
    /// <remarks>
    /// Needs an <see cref="IShopTokenSource"/> registered by the host (the token store). Writes are never retried at
    /// the HTTP level: a product request whose answer was lost may exist (the engine looks it up by original_sku);
    /// a 429 is left to the engine, which waits across the channel. Channels are read once, here.
    /// </remarks>
    public static IServiceCollection AddTikiMarketplace(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddMarketplace<TikiChannelOptions>(configuration, TikiCapabilities.Marketplace, "Tiki", m => m
            .BindOptions((options, section) => options.Bind(section))
            .UseResilience((pipeline, options) =>
                MarketplaceHttpResilience.AddReadRetryAndTimeout(pipeline, options.ReadRetryDelay, options.AttemptTimeout))
            .ForEachChannel((channelServices, channel) =>
            {
                var credentialsRef = channel.CredentialsRef is { Length: > 0 } reference ? reference : $"Channels:{channel.Id}:CredentialsRef";
                var credentialOptions = channelServices.AddOptions<TikiCredentials>(channel.Id).Configure(keys =>
                {
                    var section = configuration.GetSection(credentialsRef);
                    keys.ClientId = section["ClientId"] ?? string.Empty;
                    keys.ClientSecret = section["ClientSecret"] ?? string.Empty;
                    keys.Section = credentialsRef;
                });
                if (channel.Enabled)
                {
                    // A disabled channel is never called, so its keys need not exist; they are still validated when read.
                    credentialOptions.ValidateOnStart();
                }
            })
            .ConfigureHttp((client, channel) => client.AddHttpMessageHandler(sp =>
                new TikiBearerHandler(channel.Id, sp.GetRequiredService<IShopTokenSource>())))
            .ValidateWith<TikiChannelOptionsValidator>()
            .UseClientFactory<TikiMarketplaceClientFactory>()
            .UseAuthorizer<TikiAuthorizer>());

        // Token calls: no retries (a code and a refresh token work once), one timeout.
        services.AddHttpClient(TikiMarketplaceClientFactory.AuthHttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton(sp => new TikiEventQueueReader(sp.GetRequiredService<TikiMarketplaceClientFactory>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TikiCredentials>, TikiCredentialsValidator>());
        return services;
    }
}
