using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.Marketplace;

namespace Ocop.MarketSync.Worker.Hosting;

/// <summary>
/// The embedded default's marketplaces: the channels of <c>Sandbox:Marketplaces:Channels</c> become channels
/// (<c>Channels:{id}</c>), and every channel of marketplace <c>sandbox</c> without a <c>BaseUrl</c> gets an
/// in-process sandbox marketplace (its own Kestrel on 127.0.0.1). The demo channels live under <c>Sandbox:</c> so
/// that a deployment with the sandbox off has no channel it did not configure itself. Faults come from
/// <c>Sandbox:Marketplaces:Faults</c> (latency, 5xx, lost responses). The sandboxes hold their items in memory: a
/// restart relists them (<see cref="InMemoryMarketplaceRelist"/>).
/// </summary>
internal static class EmbeddedMarketplaces
{
    public static async Task StartIfEnabledAsync(WebApplicationBuilder builder, CancellationToken cancellationToken)
    {
        var section = builder.Configuration.GetSection("Sandbox:Marketplaces");
        if (!section.GetValue<bool>("Enabled"))
        {
            return;
        }

        var prefix = section.GetSection("Channels").Path + ":";
        foreach (var (key, value) in section.GetSection("Channels").AsEnumerable().Where(kv => kv.Value is not null).ToList())
        {
            var channelKey = "Channels:" + key[prefix.Length..];
            builder.Configuration[channelKey] ??= value;
        }

        var faults = section.GetSection("Faults").Get<MarketplaceSandboxFaultOptions>() ?? new MarketplaceSandboxFaultOptions();
        var started = new List<EmbeddedMarketplace>();
        foreach (var channel in builder.Configuration.GetSection("Channels").GetChildren())
        {
            if (!string.Equals(channel["Marketplace"], "sandbox", StringComparison.OrdinalIgnoreCase)
                || !string.IsNullOrEmpty(channel["BaseUrl"]))
            {
                continue;
            }

            var sandbox = new MarketplaceSandbox(new MarketplaceSandboxOptions { Faults = faults });
            var server = await SandboxServer.StartAsync(0, app => app.MapMarketplaceSandbox(sandbox), cancellationToken);
            builder.Configuration[$"Channels:{channel.Key}:BaseUrl"] = server.BaseUrl.ToString();
            started.Add(new EmbeddedMarketplace(channel.Key, sandbox, server));
        }

        builder.Services.AddSingleton<IReadOnlyList<EmbeddedMarketplace>>(started);
        builder.Services.AddHostedService(sp => new Lifetime(started, sp));
    }

    private sealed class Lifetime(List<EmbeddedMarketplace> marketplaces, IServiceProvider services) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            var logger = services.GetRequiredService<ILogger<EmbeddedMarketplace>>();
            foreach (var marketplace in marketplaces)
            {
                await using var scope = services.CreateAsyncScope();
                await InMemoryMarketplaceRelist.QueueIfListedAsync(scope.ServiceProvider, marketplace.ChannelId, "sandbox", logger, cancellationToken);
            }
        }

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            foreach (var marketplace in marketplaces)
            {
                await marketplace.Server.DisposeAsync();
            }
        }
    }
}

/// <summary>An in-process sandbox marketplace serving one channel.</summary>
internal sealed record EmbeddedMarketplace(string ChannelId, MarketplaceSandbox Sandbox, SandboxServer Server);
