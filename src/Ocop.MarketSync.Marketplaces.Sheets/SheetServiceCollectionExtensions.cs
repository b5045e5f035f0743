using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.Sheets;
using Ocop.MarketSync.Marketplaces.Sheets.Options;
using Ocop.MarketSync.Marketplaces.Sheets.Store;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Registration;

namespace Microsoft.Extensions.DependencyInjection;

public static class SheetServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>sheet</c> client factory, the staff operations (<see cref="SheetDesk"/>) and, for every section
    /// <c>Channels:{id}</c> with <c>Marketplace=sheet</c>, the template of <c>Channels:{id}:Sheet</c> (named <c>id</c>,
    /// validated at start: bad config stops the service naming the key).
    /// </summary>
    /// <remarks>
    /// Needs an <see cref="Ocop.MarketSync.Marketplaces.Sheets.Store.ISheetStore"/> singleton registered by the host
    /// (the database store; tests use the in-memory one). Not built on the shared <c>AddMarketplace</c>: its job is
    /// the channel's HTTP client (a resilience pipeline is required, pacing and handlers are added), and a sheet
    /// channel makes no HTTP call, so it would register a client nothing uses around an empty pipeline. The parts
    /// that are not HTTP are the same here: the channel registry (the factory refuses channels it lacks), options
    /// named by channel id, ValidateOnStart. Channels are read once, here: a channel added later needs a restart.
    /// </remarks>
    public static IServiceCollection AddSheetChannels(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var registry = services
            .Where(d => !d.IsKeyedService && d.ServiceType == typeof(MarketplaceChannelRegistry<SheetChannelOptions>))
            .Select(d => d.ImplementationInstance)
            .OfType<MarketplaceChannelRegistry<SheetChannelOptions>>()
            .FirstOrDefault();
        if (registry is null)
        {
            registry = new MarketplaceChannelRegistry<SheetChannelOptions>(SheetCapabilities.Marketplace);
            services.AddSingleton(registry);
        }

        foreach (var entry in configuration.GetSection("Channels").GetChildren())
        {
            var channel = new MarketplaceChannel(entry.Key, entry["CredentialsRef"], entry.GetValue("Enabled", true), null);
            if (!string.Equals(entry["Marketplace"], SheetCapabilities.Marketplace, StringComparison.OrdinalIgnoreCase) || !registry.Add(channel))
            {
                continue;
            }

            services.AddOptions<SheetChannelOptions>(channel.Id).Bind(entry.GetSection("Sheet")).ValidateOnStart();
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SheetChannelOptions>, SheetChannelOptionsValidator>());
        services.TryAddSingleton<SheetMarketplaceClientFactory>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMarketplaceClientFactory, SheetMarketplaceClientFactory>(
            sp => sp.GetRequiredService<SheetMarketplaceClientFactory>()));
        services.TryAddSingleton<SheetChannelGuard>();
        services.TryAddSingleton<SheetDesk>();
        return services;
    }

    /// <summary>
    /// Registers the database <see cref="ISheetStore"/> (a singleton opening a context per call), for a host that
    /// also calls <c>AddMarketSyncData</c>. A store registered before (a test's in-memory one) is kept.
    /// </summary>
    public static IServiceCollection AddDatabaseSheetStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ISheetStore, DatabaseSheetStore>();
        return services;
    }
}
