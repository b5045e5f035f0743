using Microsoft.Extensions.Configuration;
using Ocop.MarketSync.Sandbox.Sendo;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Ocop.MarketSync.Marketplaces.Sendo.Tests;

/// <summary>The embedded simulator's host, and the simulator's unsigned webhooks read by the adapter's reader.</summary>
public sealed class SendoSimulatorHostTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartAsync_PointsTheChannelAtTheSimulatorAndWritesItsKeys_NoConsentCode()
    {
        // Arrange
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Channels:sendo-hn:Marketplace"] = "sendo",
            ["Channels:sendo-hn:CredentialsRef"] = "SENDO_HN",
            ["SENDO_HN:SecretKey"] = "configured-secret",
        }).Build();

        // Act
        var simulator = await new SendoSimulatorHost().StartAsync(configuration, configuration.GetSection("Channels:sendo-hn"), 0, Ct);
        await using var server = simulator.Server;

        // Assert
        Assert.Equal(("sendo-hn", "sendo", null), (simulator.ChannelId, simulator.Marketplace, simulator.IssueCode));
        Assert.Equal(server.BaseUrl.ToString(), configuration["Channels:sendo-hn:BaseUrl"]);
        Assert.Equal("00:01:00", configuration["Channels:sendo-hn:Sendo:PendingReviewRetryAfter"]);
        Assert.Equal(("sim-shop-key", "configured-secret"), (configuration["SENDO_HN:ShopKey"], configuration["SENDO_HN:SecretKey"]));
        await using var channel = SendoHarness.Create(server.BaseUrl, FakeShopTokenSource.For("t"), new Dictionary<string, string?>
        {
            ["SENDO_TEST:ShopKey"] = "sim-shop-key",
            ["SENDO_TEST:SecretKey"] = "configured-secret",
        });
        var tokens = await channel.Authorizer.ExchangeCodeAsync(channel.Channel, "-", Ct);
        Assert.NotEmpty(tokens.AccessToken);
    }

    [Fact]
    public async Task Webhook_SimulatorPushOnCreate_IsReadAsAHintForTheProduct()
    {
        // Arrange
        using var receiver = new WireMockSendo();
        receiver.Server.Given(Request.Create().WithPath("/api/marketplaces/sendo/webhook").UsingPost()).RespondWith(Response.Create().WithStatusCode(200));
        var url = new Uri(receiver.BaseUrl, "api/marketplaces/sendo/webhook?key=" + SendoHarness.WebhookSecret);
        await using var server = await SimulatorServer.StartAsync(o => o.WebhookUrl = url);
        var (channel, _) = await server.ChannelAsync(Ct);
        await using var _ = channel;

        // Act
        var id = Assert.Single(await channel.Client.CreateAsync([Listings.Create("OCOP-REG-00201")], Ct)).RemoteId;
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (receiver.Requests.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, Ct);
        }

        var push = Assert.Single(receiver.Requests);
        var verdict = channel.WebhookReader.Read(new(new Uri(push.Url), new Dictionary<string, string>(), push.BodyAsBytes!));

        // Assert
        Assert.True(verdict.Valid, verdict.RefusedBecause);
        Assert.Equal(id, Assert.Single(verdict.Hints).RemoteId);
    }
}
