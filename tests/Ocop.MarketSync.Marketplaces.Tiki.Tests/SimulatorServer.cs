using Microsoft.Extensions.Time.Testing;
using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.Tiki;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.Marketplaces.Tiki.Tests;

/// <summary>
/// The Tiki simulator over real HTTP on 127.0.0.1 with the client of <see cref="TikiHarness"/>. Its clock is a
/// <see cref="FakeTimeProvider"/> (reviews and token expiry move when a test advances it); the adapter keeps real time.
/// </summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    private SandboxServer? _server;

    public TikiSimulator Simulator { get; private set; } = null!;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow.AddDays(-1));

    public Uri BaseUrl => _server!.BaseUrl;

    /// <summary>The harness's client and warehouse; no rate limit (the fake clock would never refill it) unless a test sets one.</summary>
    internal static TikiSimulatorOptions DefaultOptions() => new()
    {
        ClientId = TikiHarness.ClientId,
        ClientSecret = TikiHarness.ClientSecret,
        WarehouseId = long.Parse(TikiHarness.WarehouseId, System.Globalization.CultureInfo.InvariantCulture),
        RequestsPerSecond = 0,
    };

    internal static async Task<SimulatorServer> StartAsync(TikiSimulatorOptions? options = null, bool realTime = false)
    {
        var server = new SimulatorServer();
        server.Simulator = new TikiSimulator(options ?? DefaultOptions(), realTime ? TimeProvider.System : server.Clock);
        server._server = await SandboxServer.StartAsync(0, app => app.MapTikiSimulator(server.Simulator), CancellationToken.None);
        return server;
    }

    /// <summary>A token source holding fresh simulator tokens (set its OnRefresh to let a forced refresh succeed).</summary>
    internal FakeShopTokenSource Tokens()
    {
        var (access, refresh) = Simulator.IssueTokens();
        return new FakeShopTokenSource(new ShopTokens(access, DateTimeOffset.UtcNow.AddHours(1), refresh, null, "1234567"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
