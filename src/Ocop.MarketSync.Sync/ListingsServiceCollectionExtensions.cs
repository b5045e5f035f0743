using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Jobs;
using Ocop.MarketSync.Sync.Listings.Jobs;
using Ocop.MarketSync.Sync.Listings.Planning;
using Ocop.MarketSync.Sync.Listings.Push;

namespace Microsoft.Extensions.DependencyInjection;

public static class ListingsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the sync engine: channels from <c>Channels:{id}</c> (validated at start), the planner, the pusher
    /// and the push job. Marketplace adapters register their <c>IMarketplaceClientFactory</c> separately.
    /// </summary>
    public static IServiceCollection AddListingSync(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChannelsOptions>()
            .Configure(options =>
            {
                foreach (var section in configuration.GetSection(ChannelsOptions.SectionName).GetChildren())
                {
                    var channel = section.Get<ChannelOptions>() ?? new ChannelOptions();
                    channel.Id = section.Key;
                    options.Items[section.Key] = channel;
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChannelsOptions>, ChannelsOptionsValidator>());
        services.TryAddSingleton<ChannelCatalog>();
        services.TryAddSingleton<Ocop.MarketSync.Sync.Marketplaces.Pacing.ChannelPacers>();
        services.TryAddScoped<ListingPlanner>();
        services.TryAddScoped<PlanningPass>();
        services.TryAddScoped<PlanListingsJob>();
        services.TryAddScoped<ListingClaimer>();
        services.TryAddScoped<ListingPusher>();
        services.TryAddScoped<ListingPushLane>();
        services.TryAddScoped<ReviewTracker>();
        services.TryAddScoped<Ocop.MarketSync.Sync.Operations.OperationalAlerts>();
        services.AddRunLocks();
        services.TryAddScoped<ExclusiveRun>();
        services.TryAddScoped<Ocop.MarketSync.Sync.Jobs.RunRequests>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<PushChannelJob>();
        services.TryAddScoped<PushRunRecorder>();
        services.TryAddSingleton<Ocop.MarketSync.Sync.Marketplaces.Auth.ShopTokenStore>();
        services.TryAddSingleton<Ocop.MarketSync.Sync.Marketplaces.Auth.IShopTokenSource>(sp => sp.GetRequiredService<Ocop.MarketSync.Sync.Marketplaces.Auth.ShopTokenStore>());
        services.TryAddScoped<Ocop.MarketSync.Sync.Listings.Staff.StaffActions>();
        return services;
    }
}
