using Ocop.MarketSync.Sandbox;

namespace Ocop.MarketSync.Worker.Hosting;

/// <summary>
/// With <c>Sandbox:Marketplaces:Simulators:Enabled</c> (off by default) the embedded default also sells through the
/// real Shopee, Lazada and TikTok Shop adapters, each against its simulator in process (its own Kestrel on
/// 127.0.0.1): the channels of <c>simulator-channels.json</c> are added; every Shopee, Lazada or TikTok Shop channel
/// without a <c>BaseUrl</c> gets a simulator, pointed at by the channel with the simulator's own app credentials;
/// the sample images are served by a local stand-in; and <see cref="SimulatorAuthorizer"/> authorises each channel
/// at start. For development and demonstrations, never for a deployment: nothing leaves the machine.
/// </summary>
internal static class EmbeddedSimulators
{
    public const string SectionName = "Sandbox:Marketplaces:Simulators";

    /// <summary>The simulator channels, beside appsettings.json in the build output.</summary>
    public const string ChannelsFile = "simulator-channels.json";

    public static async Task StartIfEnabledAsync(WebApplicationBuilder builder, CancellationToken cancellationToken)
    {
        var section = builder.Configuration.GetSection(SectionName);
        if (!section.GetValue<bool>("Enabled"))
        {
            return;
        }

        AddChannels(builder);
        var started = new List<EmbeddedSimulator>();
        var servers = new List<SandboxServer>();
        foreach (var channel in builder.Configuration.GetSection("Channels").GetChildren())
        {
            // A channel given a BaseUrl talks to that address, like a sandbox channel with one (EmbeddedMarketplaces).
            if (!SimulatorStarter.Serves(channel["Marketplace"]) || !channel.GetValue("Enabled", true) || !string.IsNullOrEmpty(channel["BaseUrl"]))
            {
                continue;
            }

            var simulator = await SimulatorStarter.StartAsync(builder.Configuration, channel, section.GetValue($"Ports:{channel.Key}", 0), cancellationToken);
            started.Add(simulator);
            servers.Add(simulator.Server);
        }

        var imageHosts = section.GetSection("ImageHosts").Get<string[]>() ?? [];
        if (imageHosts.Length > 0)
        {
            var cdn = await SandboxServer.StartAsync(0, app => app.MapSampleImageCdn(), cancellationToken);
            servers.Add(cdn);
            var hosts = imageHosts.ToHashSet(StringComparer.OrdinalIgnoreCase);

            // On every client of the factory, whatever an adapter names its image client; only these hosts are rewritten.
            builder.Services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(() => new LocalImageHostHandler(cdn.BaseUrl, hosts)));
        }

        builder.Services.AddSingleton<IReadOnlyList<EmbeddedSimulator>>(started);

        // Hosted services start in registration order and these come before Hangfire's server and the recurring jobs,
        // so the channels hold tokens before their first push; they stop in reverse order, after the last push.
        builder.Services.AddHostedService<SimulatorAuthorizer>();
        builder.Services.AddHostedService(_ => new Lifetime(servers));
    }

    /// <summary>
    /// Copies the channels of <see cref="ChannelsFile"/> into <c>Channels:</c>, key by key, where no other source
    /// has set the key: appsettings, the config/ overlay, the environment and the command line all override it.
    /// </summary>
    /// <remarks>
    /// Not a configuration source inserted below the others: inserting one rebuilds every provider and loses the values
    /// the embedded sandboxes have set in memory (<c>Registry:BaseUrl</c>, the sandbox channels' base URLs).
    /// </remarks>
    private static void AddChannels(WebApplicationBuilder builder)
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

    /// <summary>Stops the simulators and the image stand-in with the host.</summary>
    private sealed class Lifetime(List<SandboxServer> servers) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }
}

/// <summary>A marketplace simulator serving one channel in process.</summary>
/// <param name="IssueCode">The seller consenting in the simulator's stand-in for seller centre: a one-time code.</param>
internal sealed record EmbeddedSimulator(string ChannelId, string Marketplace, SandboxServer Server, Func<string> IssueCode)
{
    /// <summary>The seller-centre stand-in: list items, change a price or stock (see the Sandbox's SellerCentreEndpoints).</summary>
    public Uri SellerCentre => new(Server.BaseUrl, $"sandbox/{Marketplace}/items");
}
