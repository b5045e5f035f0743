using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.Sendo;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Microsoft.Extensions.DependencyInjection;

public static class SendoServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>sendo</c> client factory, authorizer (login) and webhook reader and, for every section
    /// <c>Channels:{id}</c> with <c>Marketplace=sendo</c>: the options of <c>Channels:{id}:Sendo</c>, the shop's keys
    /// of <c>{CredentialsRef}:ShopKey</c>/<c>:SecretKey</c> (+ optional <c>:WebhookSecret</c>), validated at start, and
    /// a named HTTP client <c>marketplace:{id}</c> = resilience pipeline (attempt timeout; one retry of GETs only) →
    /// pacing → bearer-token handler.
    /// </summary>
    /// <remarks>
    /// Needs an <see cref="IShopTokenSource"/> registered by the host (the token store): it keeps the login token in
    /// the database for every node, and logs in again ahead of expiry under its per-shop distributed lock. Writes are
    /// never retried at the HTTP level: Sendo has no idempotency key, so a create whose answer was lost and sent again
    /// is a duplicate product; the engine looks the SKU up first.
    /// </remarks>
    public static IServiceCollection AddSendoMarketplace(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddMarketplace<SendoChannelOptions>(configuration, SendoCapabilities.Marketplace, "Sendo", m => m
            .BindOptions((options, section) => options.Bind(section))
            .UseResilience((pipeline, options) =>
                MarketplaceHttpResilience.AddReadRetryAndTimeout(pipeline, options.ReadRetryDelay, options.AttemptTimeout))
            .ForEachChannel((channelServices, channel) =>
            {
                var credentialsRef = channel.CredentialsRef is { Length: > 0 } reference ? reference : $"Channels:{channel.Id}:CredentialsRef";
                var credentialOptions = channelServices.AddOptions<SendoCredentials>(channel.Id).Configure(keys =>
                {
                    var section = configuration.GetSection(credentialsRef);
                    keys.ShopKey = section["ShopKey"] ?? string.Empty;
                    keys.SecretKey = section["SecretKey"] ?? string.Empty;
                    keys.WebhookSecret = section["WebhookSecret"];
                    keys.Section = credentialsRef;
                });
                if (channel.Enabled)
                {
                    // A disabled channel is never called, so its keys need not exist; they are still validated when read.
                    credentialOptions.ValidateOnStart();
                }
            })
            .ConfigureHttp((client, channel) => client.AddHttpMessageHandler(sp =>
                new SendoAuthHandler(channel.Id, sp.GetRequiredService<IShopTokenSource>())))
            .ValidateWith<SendoChannelOptionsValidator>()
            .UseClientFactory<SendoMarketplaceClientFactory>()
            .UseAuthorizer<SendoAuthorizer>()
            .UseWebhookReader<SendoWebhookReader>());

        // Logins: no retries (5/s per IP), one timeout; the body carries the secret key, never log it.
        services.AddHttpClient(SendoMarketplaceClientFactory.LoginHttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton<SendoLoginGate>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SendoCredentials>, SendoCredentialsValidator>());
        return services;
    }
}
