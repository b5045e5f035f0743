using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.Marketplaces.Tiki.Tests;

/// <summary><c>config/examples/tiki-channel.json</c> is a channel the service accepts as it is (with the keys added).</summary>
public sealed class TikiConfigExampleTests
{
    [Fact]
    public async Task Example_WithKeys_BindsValidatesAndBuildsAReviewingClient()
    {
        // Arrange
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "Data", "tiki-channel.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["TIKI_EXAMPLE:ClientId"] = "id", ["TIKI_EXAMPLE:ClientSecret"] = "s" })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IShopTokenSource>(FakeShopTokenSource.For("t"));
        services.AddTikiMarketplace(configuration);
        await using var provider = services.BuildServiceProvider();
        var channel = configuration.GetSection("Channels:tiki-example").Get<ChannelOptions>()!;
        channel.Id = "tiki-example";

        // Act
        var options = provider.GetRequiredService<IOptionsMonitor<TikiChannelOptions>>().Get(channel.Id);
        var client = provider.GetServices<IMarketplaceClientFactory>().Single(f => f.Marketplace == "tiki").Create(channel);

        // Assert
        Assert.Equal(Enumerable.Range(1, 26), channel.Categories.Keys.Order());
        Assert.All(channel.Categories.Values, id => Assert.Matches("^[0-9]+$", id));
        Assert.Equal(["origin.province", "producer", "shelfLifeDays"], options.AttributeCodes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((TikiAppType.Public, TikiClientAuth.Basic), (options.AppType, options.ClientAuth));
        Assert.IsAssignableFrom<IReviewingMarketplaceClient>(client);
        Assert.Equal(50, client.Capabilities.BatchSizeOf(MarketplaceOperation.UpdateStock));
        Assert.Equal(50, client.Capabilities.RequestsPerSecond);
        Assert.False(client.Capabilities.SellsServices);
    }
}
