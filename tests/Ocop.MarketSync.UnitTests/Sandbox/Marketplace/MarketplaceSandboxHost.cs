using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.Marketplace;

namespace Ocop.MarketSync.UnitTests.Sandbox.Marketplace;

/// <summary>A sandbox marketplace served on 127.0.0.1 with a plain HttpClient pointed at it.</summary>
internal sealed class MarketplaceSandboxHost : IAsyncDisposable
{
    private readonly SandboxServer _server;

    private MarketplaceSandboxHost(MarketplaceSandbox sandbox, SandboxServer server)
    {
        Sandbox = sandbox;
        _server = server;
        Http = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(20) };
    }

    public MarketplaceSandbox Sandbox { get; }

    public HttpClient Http { get; }

    public static async Task<MarketplaceSandboxHost> StartAsync(MarketplaceSandboxOptions? options = null)
    {
        var sandbox = new MarketplaceSandbox(options);
        var server = await SandboxServer.StartAsync(0, app => app.MapMarketplaceSandbox(sandbox), TestContext.Current.CancellationToken);
        return new MarketplaceSandboxHost(sandbox, server);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _server.DisposeAsync();
    }
}
