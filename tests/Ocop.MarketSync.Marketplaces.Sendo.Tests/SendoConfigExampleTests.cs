using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.Marketplaces.Sendo.Tests;

/// <summary><c>config/examples/sendo-channel.json</c> is a channel the service accepts as it is (with the keys added).</summary>
public sealed class SendoConfigExampleTests
{
    [Fact]
    public async Task Example_WithKeys_BindsValidatesAndBuildsAClient()
    {
        // Arrange
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "Data", "sendo-channel.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SENDO_EXAMPLE:ShopKey"] = "k", ["SENDO_EXAMPLE:SecretKey"] = "s" })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IShopTokenSource>(FakeShopTokenSource.For("t"));
        services.AddSendoMarketplace(configuration);
        await using var provider = services.BuildServiceProvider();
        var channel = configuration.GetSection("Channels:sendo-example").Get<ChannelOptions>()!;
        channel.Id = "sendo-example";

        // Act
        var options = provider.GetRequiredService<IOptionsMonitor<SendoChannelOptions>>().Get(channel.Id);
        _ = provider.GetRequiredService<IOptionsMonitor<SendoCredentials>>().Get(channel.Id);
        var client = provider.GetServices<IMarketplaceClientFactory>().Single(f => f.Marketplace == "sendo").Create(channel);

        // Assert
        Assert.Equal(Enumerable.Range(1, 26), channel.Categories.Keys.Order());
        Assert.All(channel.Categories.Values, id => Assert.Matches("^[0-9]{4,6}$", id));
        Assert.Equal(channel.Categories.Count, channel.Categories.Values.Distinct().Count());
        Assert.Equal(2, options.RequestsPerSecond);
        Assert.Equal(10, client.Capabilities.BatchSizeOf(MarketplaceOperation.Create));
        Assert.False(client.Capabilities.SellsServices);
    }
}
