using Microsoft.Extensions.Time.Testing;
using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.Sendo;

namespace Ocop.MarketSync.Marketplaces.Sendo.Tests;

/// <summary>The Sendo simulator over real HTTP on 127.0.0.1, with the shop keys of <see cref="SendoHarness"/>, on a fake clock.</summary>
internal sealed class SimulatorServer : IAsyncDisposable
{
    private SandboxServer? _server;

    public SendoSimulator Simulator { get; private set; } = null!;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 6, 2, 0, 0, TimeSpan.Zero));

    public Uri BaseUrl => _server!.BaseUrl;

    /// <param name="realClock">The simulator on the system clock instead of <see cref="Time"/> (to meet the adapter's real pacing).</param>
    public static async Task<SimulatorServer> StartAsync(Action<SendoSimulatorOptions>? configure = null, bool realClock = false)
    {
        var options = new SendoSimulatorOptions { ShopKey = SendoHarness.ShopKey, SecretKey = SendoHarness.SecretKey, ReviewDelay = TimeSpan.Zero };
        configure?.Invoke(options);
        var server = new SimulatorServer();
        server.Simulator = new SendoSimulator(options, realClock ? TimeProvider.System : server.Time);
        server._server = await SandboxServer.StartAsync(0, app => app.MapSendoSimulator(server.Simulator), CancellationToken.None);
        return server;
    }

    /// <summary>
    /// A channel on the simulator whose token source logs in through the real authorizer, first and on every forced
    /// renewal, as the token store does.
    /// </summary>
    public async Task<(SendoHarness Channel, FakeShopTokenSource Tokens)> ChannelAsync(CancellationToken cancellationToken)
    {
        var tokens = FakeShopTokenSource.For("not-yet");
        var channel = SendoHarness.Create(BaseUrl, tokens, time: Time);
        var first = await channel.Authorizer.ExchangeCodeAsync(channel.Channel, "-", cancellationToken);
        var source = new FakeShopTokenSource(first)
        {
            OnRefresh = (rejected, ct) => channel.Authorizer.RefreshAsync(channel.Channel, rejected, ct),
        };
        await channel.DisposeAsync();
        var bound = SendoHarness.Create(BaseUrl, source, time: Time);
        source.OnRefresh = (rejected, ct) => bound.Authorizer.RefreshAsync(bound.Channel, rejected, ct);
        return (bound, source);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
