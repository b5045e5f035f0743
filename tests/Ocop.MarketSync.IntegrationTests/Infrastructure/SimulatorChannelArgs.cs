using Microsoft.Extensions.Configuration;

namespace Ocop.MarketSync.IntegrationTests.Infrastructure;

/// <summary>
/// The Shopee, Lazada and TikTok Shop channels of simulator-channels.json (a complete channel configuration each) as
/// command-line arguments, so a test can run the service with them without the embedded simulators.
/// </summary>
public static class SimulatorChannelArgs
{
    private static readonly IConfiguration File = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "simulator-channels.json"), optional: false).Build();

    /// <summary>Every key of <c>Channels:{channelId}</c>, plus <paramref name="overrides"/> (keys relative to the channel).</summary>
    public static IEnumerable<string> For(string channelId, params (string Key, string Value)[] overrides)
    {
        var section = File.GetSection($"Channels:{channelId}");
        var values = section.AsEnumerable(makePathsRelative: true)
            .Where(kv => kv.Value is not null)
            .ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }

        return values.Select(kv => $"--Channels:{channelId}:{kv.Key}={kv.Value}");
    }

    /// <summary>A value of the file, e.g. <c>Channels:shopee-sim:Shopee:ShopId</c>.</summary>
    public static string Value(string key) => File[key] ?? throw new InvalidOperationException($"simulator-channels.json has no {key}.");
}
