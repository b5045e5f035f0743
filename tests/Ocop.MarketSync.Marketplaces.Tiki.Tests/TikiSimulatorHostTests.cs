using Microsoft.Extensions.Configuration;
using Ocop.MarketSync.Sandbox.Tiki;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Tiki.Tests;

/// <summary>The simulator host points the channel at the simulator and the adapter then authorises against it as configured.</summary>
public sealed class TikiSimulatorHostTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Public", "Basic")]
    [InlineData("InHouse", "Form")]
    public async Task StartAsync_WritesBaseUrlsAndClient_AndTheAdapterAuthorisesAgainstIt(string appType, string clientAuth)
    {
        // Arrange
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [TikiHarness.Key("Marketplace")] = "tiki",
            [TikiHarness.Key("CredentialsRef")] = "TIKI_TEST",
            [TikiHarness.Key("Tiki:WarehouseId")] = TikiHarness.WarehouseId,
            [TikiHarness.Key("Tiki:AppType")] = appType,
            [TikiHarness.Key("Tiki:ClientAuth")] = clientAuth,
        }).Build();

        // Act
        var simulator = await new TikiSimulatorHost().StartAsync(configuration, configuration.GetSection("Channels:" + TikiHarness.ChannelId), 0, Ct);
        await using var server = simulator.Server;
        var baseUrl = new Uri(configuration[TikiHarness.Key("BaseUrl")]!);
        await using var channel = TikiHarness.Create(baseUrl, FakeShopTokenSource.For("unused"), new Dictionary<string, string?>
        {
            [TikiHarness.Key("Tiki:AuthBaseUrl")] = configuration[TikiHarness.Key("Tiki:AuthBaseUrl")],
            [TikiHarness.Key("Tiki:AppType")] = appType,
            [TikiHarness.Key("Tiki:ClientAuth")] = clientAuth,
            ["TIKI_TEST:ClientId"] = configuration["TIKI_TEST:ClientId"],
            ["TIKI_TEST:ClientSecret"] = configuration["TIKI_TEST:ClientSecret"],
        });
        var tokens = await channel.Authorizer.ExchangeCodeAsync(channel.Channel, simulator.IssueCode!(), Ct);

        // Assert
        Assert.Equal(("tiki", server.BaseUrl), (simulator.Marketplace, baseUrl));
        Assert.Equal("1234567", tokens.ShopId);
        Assert.Equal(appType == "Public", tokens.RefreshToken.Length > 0);
    }

    [Fact]
    public async Task StartAsync_ConfiguredSecret_IsAdoptedAndTheOtherClientAuthIsRefused()
    {
        // Arrange: the secret is configured; the simulator expects Basic, the adapter sends form fields.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [TikiHarness.Key("CredentialsRef")] = "TIKI_TEST",
            [TikiHarness.Key("Tiki:WarehouseId")] = TikiHarness.WarehouseId,
            ["TIKI_TEST:ClientSecret"] = "mine",
        }).Build();
        var simulator = await new TikiSimulatorHost().StartAsync(configuration, configuration.GetSection("Channels:" + TikiHarness.ChannelId), 0, Ct);
        await using var server = simulator.Server;
        await using var channel = TikiHarness.Create(server.BaseUrl, FakeShopTokenSource.For("unused"), new Dictionary<string, string?>
        {
            [TikiHarness.Key("Tiki:ClientAuth")] = "Form",
            ["TIKI_TEST:ClientId"] = configuration["TIKI_TEST:ClientId"],
            ["TIKI_TEST:ClientSecret"] = "mine",
        });

        // Act
        var error = await Assert.ThrowsAsync<MarketplaceException>(() => channel.Authorizer.ExchangeCodeAsync(channel.Channel, simulator.IssueCode!(), Ct));

        // Assert
        Assert.Equal("mine", configuration["TIKI_TEST:ClientSecret"]);
        Assert.IsType<MarketplaceError.Misconfigured>(error.Error);
    }
}
