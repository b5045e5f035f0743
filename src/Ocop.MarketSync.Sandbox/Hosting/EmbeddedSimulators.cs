using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ocop.MarketSync.Sandbox.Hosting;

/// <summary>
/// With <c>Sandbox:Marketplaces:Simulators:Enabled</c> (off by default) the embedded default also sells through the
/// real adapters of the marketplaces that have a simulator, each against its simulator in process: the channels of
/// <c>simulator-channels.json</c> are added; every channel of such a marketplace without a <c>BaseUrl</c> gets a
/// simulator (<see cref="IMarketplaceSimulatorHost"/>), pointed at by the channel with the simulator's own app
/// credentials; the sample images are served by a local stand-in.
/// </summary>
internal static class EmbeddedSimulators
{
    public const string SectionName = "Sandbox:Marketplaces:Simulators";

    /// <summary>The simulator channels, beside appsettings.json in the build output.</summary>
    public const string ChannelsFile = "simulator-channels.json";

    public static async Task<IReadOnlyList<EmbeddedSimulator>> StartIfEnabledAsync(
        IHostApplicationBuilder builder, IReadOnlyList<IMarketplaceSimulatorHost> hosts, List<SandboxServer> servers, CancellationToken cancellationToken)
    {
        var section = builder.Configuration.GetSection(SectionName);
        if (!section.GetValue<bool>("Enabled"))
        {
            return [];
        }

        AddChannels(builder);
        var started = new List<EmbeddedSimulator>();
        foreach (var channel in builder.Configuration.GetSection("Channels").GetChildren())
        {
            var host = hosts.FirstOrDefault(h => string.Equals(h.Marketplace, channel["Marketplace"], StringComparison.OrdinalIgnoreCase));

            // A channel given a BaseUrl talks to that address, like a sandbox channel with one.
            if (host is null || !channel.GetValue("Enabled", true) || !string.IsNullOrEmpty(channel["BaseUrl"]))
            {
                continue;
            }

            var simulator = await host.StartAsync(builder.Configuration, channel, section.GetValue($"Ports:{channel.Key}", 0), cancellationToken);
            servers.Add(simulator.Server);
            started.Add(simulator);
        }

        var imageHosts = section.GetSection("ImageHosts").Get<string[]>() ?? [];
        if (imageHosts.Length > 0)
        {
            var cdn = await SandboxServer.StartAsync(0, app => app.MapSampleImageCdn(), cancellationToken);
            servers.Add(cdn);
            var names = imageHosts.ToHashSet(StringComparer.OrdinalIgnoreCase);

            // On every client of the factory, whatever an adapter names its image client; only these hosts are rewritten.
            builder.Services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(() => new LocalImageHostHandler(cdn.BaseUrl, names)));
        }

        return started;
    }

    /// <summary>
    /// Copies the channels of <see cref="ChannelsFile"/> into <c>Channels:</c>, key by key, where no other source
    /// has set the key: appsettings, the config/ overlay, the environment and the command line all override it.
    /// </summary>
    /// <remarks>
    /// Not a configuration source inserted below the others: inserting one rebuilds every provider and loses the values
    /// the embedded sandboxes have set in memory (<c>Registry:BaseUrl</c>, the sandbox channels' base URLs).
    /// </remarks>
    private static void AddChannels(IHostApplicationBuilder builder)
    {
        var path = Path.Combine(builder.Environment.ContentRootPath, ChannelsFile);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{SectionName}:Enabled is true, but {path} is missing (it is built beside appsettings.json).");
        }

        var file = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Build();
        foreach (var (key, value) in file.AsEnumerable().Where(kv => kv.Value is not null))
        {
            builder.Configuration[key] ??= value;
        }
    }
}
