using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.TikTokShop;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.Marketplaces.TikTokShop.Tests;

/// <summary>
/// The TikTok simulator over real HTTP on 127.0.0.1, with the app keys of <see cref="TikTokShopHarness"/>, plus a
/// small image host (<c>/images/{name}</c>) the adapter fetches listing images from before uploading them.
/// </summary>
public sealed class SimulatorServer : IAsyncLifetime
{
    private SandboxServer? _server;

    public TikTokShopSimulator Simulator { get; private set; } = null!;

    public Uri BaseUrl => _server!.BaseUrl;

    /// <summary>Options of the simulator this server starts; a test class with other limits derives and overrides.</summary>
    internal static TikTokShopSimulatorOptions DefaultOptions() => new()
    {
        AppKey = TikTokShopHarness.AppKey,
        AppSecret = TikTokShopHarness.AppSecret,
        ShopId = TikTokShopHarness.ShopId,
        WarehouseId = TikTokShopHarness.WarehouseId,
    };

    public async ValueTask InitializeAsync() => await StartAsync(DefaultOptions());

    internal async Task StartAsync(TikTokShopSimulatorOptions options)
    {
        Simulator = new TikTokShopSimulator(options);
        _server = await SandboxServer.StartAsync(0, app =>
        {
            app.MapTikTokShopSimulator(Simulator);
            app.MapGet("/images/{name}", () => Results.Bytes([0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 74, 70, 73, 70], "image/jpeg"));
        }, CancellationToken.None);
    }

    /// <summary>A token source holding fresh simulator tokens (set its OnRefresh to let a forced refresh succeed).</summary>
    internal FakeShopTokenSource Tokens()
    {
        var (access, refresh) = Simulator.IssueTokens();
        return new FakeShopTokenSource(new ShopTokens(access, DateTimeOffset.UtcNow.AddDays(7), refresh, DateTimeOffset.UtcNow.AddDays(365),
            TikTokShopHarness.ShopId, new Dictionary<string, string> { ["shop_cipher"] = Simulator.Options.ShopCipher }));
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
