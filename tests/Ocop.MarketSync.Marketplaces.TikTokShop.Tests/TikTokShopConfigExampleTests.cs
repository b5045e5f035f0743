using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.Marketplaces.TikTokShop.Tests;

/// <summary><c>config/examples/tiktokshop-channel.json</c> is a channel the service accepts as it is (with the keys added).</summary>
public sealed class TikTokShopConfigExampleTests
{
    [Fact]
    public async Task Example_WithKeys_BindsValidatesAndBuildsAClient()
    {
        // Arrange
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "Data", "tiktokshop-channel.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["TTS_EXAMPLE:AppKey"] = "k", ["TTS_EXAMPLE:AppSecret"] = "s" })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IShopTokenSource>(FakeShopTokenSource.For("t"));
        services.AddTikTokShopMarketplace(configuration);
        await using var provider = services.BuildServiceProvider();
        var channel = configuration.GetSection("Channels:tiktokshop-example").Get<ChannelOptions>()!;
        channel.Id = "tiktokshop-example";

        // Act
        var options = provider.GetRequiredService<IOptionsMonitor<TikTokShopChannelOptions>>().Get(channel.Id);
        var client = provider.GetServices<IMarketplaceClientFactory>().Single(f => f.Marketplace == "tiktokshop").Create(channel);

        // Assert
        Assert.Equal(Enumerable.Range(1, 26), channel.Categories.Keys.Order());
        Assert.All(channel.Categories.Values, id => Assert.Matches("^[0-9]{6}$", id));
        Assert.Equal(["origin.province", "producer", "shelfLifeDays"], options.AttributeIds.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(20, client.Capabilities.BatchSizeOf(MarketplaceOperation.SetStatus));
        Assert.False(client.Capabilities.SellsServices);
    }
}
