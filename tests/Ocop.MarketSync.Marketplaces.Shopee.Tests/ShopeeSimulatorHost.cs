using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.Shopee;

namespace Ocop.MarketSync.Marketplaces.Shopee.Tests;

/// <summary>
/// The Shopee simulator over real HTTP on 127.0.0.1, serving listing images too, and a channel whose tokens the
/// simulator issued: the adapter's whole stack (Refit, pipeline, signing) against Shopee's wire format.
/// </summary>
internal sealed class ShopeeSimulatorHost : IAsyncDisposable
{
    private ShopeeSimulatorHost(SandboxServer server, ShopeeSimulator simulator, ShopeeTestChannel channel)
    {
        Server = server;
        Simulator = simulator;
        Channel = channel;
    }

    public SandboxServer Server { get; }

    public ShopeeSimulator Simulator { get; }

    public ShopeeTestChannel Channel { get; }

    public Uri BaseUrl => Server.BaseUrl;

    public static async Task<ShopeeSimulatorHost> StartAsync(
        ShopeeSimulatorOptions? options = null, IDictionary<string, string?>? settings = null, TimeProvider? adapterTime = null)
    {
        var simulator = new ShopeeSimulator(options ?? new ShopeeSimulatorOptions());
        var server = await SandboxServer.StartAsync(0, app =>
        {
            app.MapShopeeSimulator(simulator);
            // Listing images live elsewhere on the web; the adapter fetches and uploads them.
            app.MapGet("/img/{name}", (string name) => Results.Bytes([0xFF, 0xD8, 0xFF, 0xE0, (byte)name.Length], "image/jpeg"));
        }, TestContext.Current.CancellationToken);
        var (access, _) = simulator.IssueTokens(ShopeeTestChannel.ShopId);
        var values = new Dictionary<string, string?>
        {
            [ShopeeTestChannel.Key("Shopee:ReconcileSince")] = DateTimeOffset.UtcNow.AddDays(-40).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return new ShopeeSimulatorHost(server, simulator, ShopeeTestChannel.Create(server.BaseUrl, access, values, adapterTime));
    }

    public async ValueTask DisposeAsync()
    {
        await Channel.DisposeAsync();
        await Server.DisposeAsync();
    }
}
