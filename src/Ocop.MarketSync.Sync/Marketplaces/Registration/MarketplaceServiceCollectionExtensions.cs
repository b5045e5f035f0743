using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Marketplaces.Registration;

namespace Microsoft.Extensions.DependencyInjection;

public static class MarketplaceServiceCollectionExtensions
{
    /// <summary>
    /// Registers a marketplace adapter: for every section <c>Channels:{id}</c> with <c>Marketplace=</c><paramref name="marketplace"/>,
    /// the options of <c>Channels:{id}:{section}</c> (named <c>id</c>, validated at start) and a named HTTP client
    /// <c>marketplace:{id}</c> = resilience pipeline → pacing → the adapter's handlers; then, once, what
    /// <paramref name="configure"/> declared (client factory, authorizer, webhook reader, validator).
    /// </summary>
    /// <remarks>
    /// The handler order is the point of sharing this. HttpClient.Timeout is infinite so the pipeline owns timeouts.
    /// Pacing sits inside the pipeline, so every attempt (a retried read too) waits its slot in the shop's pace
    /// (published limits, AIMD on 429). The adapter's handlers sit inside both, so every attempt is signed with a fresh
    /// timestamp and the current token when it really leaves. Channels are read once, here: a channel added to
    /// configuration later needs a restart. Calling this twice for the same marketplace registers nothing twice.
    /// </remarks>
    public static IServiceCollection AddMarketplace<TOptions>(
        this IServiceCollection services,
        IConfiguration configuration,
        string marketplace,
        string section,
        Action<MarketplaceBuilder<TOptions>> configure)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(marketplace);
        ArgumentException.ThrowIfNullOrWhiteSpace(section);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new MarketplaceBuilder<TOptions>(marketplace);
        configure(builder);
        builder.EnsureComplete();

        var registry = services
            .Where(d => !d.IsKeyedService && d.ServiceType == typeof(MarketplaceChannelRegistry<TOptions>))
            .Select(d => d.ImplementationInstance)
            .OfType<MarketplaceChannelRegistry<TOptions>>()
            .FirstOrDefault();
        if (registry is null)
        {
            registry = new MarketplaceChannelRegistry<TOptions>(marketplace);
            services.AddSingleton(registry);
        }

        foreach (var entry in configuration.GetSection("Channels").GetChildren())
        {
            var channel = new MarketplaceChannel(
                entry.Key,
                entry["CredentialsRef"],
                entry.GetValue("Enabled", true),
                Uri.TryCreate(entry["BaseUrl"], UriKind.Absolute, out var baseUrl) ? baseUrl : null);
            if (!string.Equals(entry["Marketplace"], marketplace, StringComparison.OrdinalIgnoreCase) || !registry.Add(channel))
            {
                continue;
            }

            var options = services.AddOptions<TOptions>(channel.Id);
            builder.Binder!(options, entry.GetSection(section));
            options.ValidateOnStart();
            foreach (var register in builder.PerChannel)
            {
                register(services, channel);
            }

            AddChannelClient(services, builder, MarketplaceHttpClients.ChannelClientName(channel.Id), channel, builder.ConfigureChannelClient);
            foreach (var (name, configureClient) in builder.OtherClients)
            {
                AddChannelClient(services, builder, name(channel.Id), channel, configureClient);
            }
        }

        // The factory needs IHttpClientFactory even when no channel is of this marketplace (the engine resolves every factory).
        services.AddHttpClient();
        services.TryAddSingleton(TimeProvider.System);
        foreach (var register in builder.Services)
        {
            register(services);
        }

        return services;
    }

    private static void AddChannelClient<TOptions>(
        IServiceCollection services,
        MarketplaceBuilder<TOptions> builder,
        string name,
        MarketplaceChannel channel,
        Action<IHttpClientBuilder, MarketplaceChannel>? configure)
        where TOptions : class
    {
        var resilience = builder.Resilience!;
        var client = services.AddHttpClient(name, http => http.Timeout = Timeout.InfiniteTimeSpan);
        client.AddResilienceHandler(builder.Marketplace, (pipeline, context) =>
            resilience(pipeline, context.ServiceProvider.GetRequiredService<IOptionsMonitor<TOptions>>().Get(channel.Id)));
        // Inside the pipeline: every attempt waits its slot in the shop's pace.
        client.AddChannelPacing(channel.Id);
        // After both, so innermost: the adapter signs or authorises each attempt as it leaves.
        configure?.Invoke(client, channel);
    }
}
