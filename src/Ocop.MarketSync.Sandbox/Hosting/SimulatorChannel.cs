using Microsoft.Extensions.Configuration;

namespace Ocop.MarketSync.Sandbox.Hosting;

/// <summary>What every <see cref="IMarketplaceSimulatorHost"/> reads of its channel.</summary>
public static class SimulatorChannel
{
    /// <summary>The channel's key, or a clear start-up error naming the key its simulator needs.</summary>
    public static string Required(IConfigurationSection channel, string key) =>
        channel[key] is { Length: > 0 } value ? value
            : throw new InvalidOperationException($"{channel.Path}:{key} is required for the channel's simulator.");

    /// <summary>A secret already configured under the channel's credentials section, which the simulator then adopts.</summary>
    public static string? Configured(IConfiguration configuration, string secrets, string key) =>
        configuration[$"{secrets}:{key}"] is { Length: > 0 } value ? value : null;
}
