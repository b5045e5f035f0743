using Microsoft.Extensions.Time.Testing;
using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.Lazada;

namespace Ocop.MarketSync.Marketplaces.Lazada.Tests;

/// <summary>
/// A fresh Lazada simulator on 127.0.0.1 and a channel authorised against it through the real authorizer (code
/// exchange), its token source refreshing through the same authorizer.
/// </summary>
public sealed class LazadaSimulatorFixture : IAsyncDisposable
{
    private LazadaSimulatorFixture(SandboxServer server, LazadaSimulator simulator, FakeTimeProvider simulatorTime, LazadaHarness channel)
    {
        SimulatorTime = simulatorTime;
        Server = server;
        Simulator = simulator;
        Channel = channel;
    }

    public SandboxServer Server { get; }

    public LazadaSimulator Simulator { get; }

    /// <summary>The simulator's clock, apart from the channel's (<see cref="LazadaHarness.Time"/>), so tests can skew them.</summary>
    public FakeTimeProvider SimulatorTime { get; }

    public LazadaHarness Channel { get; }

    public Uri Gateway => new(Server.BaseUrl, "rest");

    public static async Task<LazadaSimulatorFixture> StartAsync(
        LazadaSimulatorOptions? options = null, IDictionary<string, string?>? channelSettings = null, bool authorize = true)
    {
        var start = DateTimeOffset.UtcNow;
        var time = new FakeTimeProvider(start);
        var simulator = new LazadaSimulator(options ?? new LazadaSimulatorOptions
        {
            AppKey = LazadaHarness.AppKey, AppSecret = LazadaHarness.AppSecret, SellerId = LazadaHarness.SellerId,
        }, time);
        var server = await SandboxServer.StartAsync(0, app => app.MapLazadaSimulator(simulator), TestContext.Current.CancellationToken);
        var channel = LazadaHarness.Create(new Uri(server.BaseUrl, "rest"), new FakeTimeProvider(start), extra: channelSettings);
        if (authorize)
        {
            var tokens = await channel.Authorizer.ExchangeCodeAsync(channel.Channel, simulator.IssueCode(), TestContext.Current.CancellationToken);
            channel.Tokens.Set(tokens);
        }

        channel.Tokens.Refresh = (current, ct) => channel.Authorizer.RefreshAsync(channel.Channel, current, ct);
        return new LazadaSimulatorFixture(server, simulator, time, channel);
    }

    public async ValueTask DisposeAsync()
    {
        await Channel.DisposeAsync();
        await Server.DisposeAsync();
    }
}
