using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Shopee.Tests;

/// <summary>AddShopeeMarketplace: options validated at start with the key named, capabilities, and channels of other marketplaces left alone.</summary>
public sealed class ShopeeRegistrationTests
{
    private static readonly Uri Nowhere = new("http://127.0.0.1:1/");

    [Fact]
    public void Options_MissingShopIdLogisticsAndSecret_FailNamingEachKey()
    {
        var settings = new Dictionary<string, string?>
        {
            [ShopeeTestChannel.Key("Shopee:ShopId")] = "0",
            [ShopeeTestChannel.Key("Shopee:LogisticIds:0")] = null,
            [ShopeeTestChannel.Key("Shopee:RequiredAttributes:1")] = "ocop.stars",
            ["SHOPEE_TEST:PartnerKey"] = null,
        };

        // Building the channel's client reads its options, which validates them.
        var error = Assert.Throws<OptionsValidationException>(() => ShopeeTestChannel.Create(Nowhere, "t", settings));

        var message = string.Join('\n', error.Failures);
        Assert.Contains("Channels:shopee-test:Shopee:ShopId", message, StringComparison.Ordinal);
        Assert.Contains("Channels:shopee-test:Shopee:LogisticIds", message, StringComparison.Ordinal);
        Assert.Contains("Channels:shopee-test:Shopee:RequiredAttributes", message, StringComparison.Ordinal);
        Assert.Contains("SHOPEE_TEST:PartnerKey", message, StringComparison.Ordinal);
        Assert.DoesNotContain(ShopeeTestChannel.PartnerKey, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigExample_WithItsSecrets_IsValidAndMapsAll26ProductSets()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "Data", "shopee-channel.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SHOPEE_EXAMPLE:PartnerId"] = "2001887", ["SHOPEE_EXAMPLE:PartnerKey"] = "k" })
            .Build();
        var services = new ServiceCollection().AddLogging().AddShopeeMarketplace(configuration);
        await using var provider = services.BuildServiceProvider();
        var channel = configuration.GetSection("Channels:shopee-example").Get<ChannelOptions>()!;
        channel.Id = "shopee-example";

        var options = provider.GetRequiredService<IOptionsMonitor<ShopeeChannelOptions>>().Get("shopee-example");
        var client = provider.GetServices<IMarketplaceClientFactory>().Single(f => f.Marketplace == "shopee").Create(channel);

        Assert.Equal(Enumerable.Range(1, 26), channel.Categories.Keys.Order());
        Assert.Equal(("No Brand", 322300222L), (options.BrandName, options.ShopId));
        Assert.Contains("shelfLifeDays", options.RequiredAttributesByCategory[channel.Categories[4]]);
        Assert.Equal("shopee", client.Capabilities.Marketplace);
    }

    [Fact]
    public async Task Capabilities_ShopeeLimits_OneItemWritesFiftyPerUnlistCharactersCounted()
    {
        await using var channel = ShopeeTestChannel.Create(Nowhere, "t");

        var capabilities = channel.Client.Capabilities;

        Assert.Equal("shopee", capabilities.Marketplace);
        Assert.Equal(1, capabilities.BatchSizeOf(MarketplaceOperation.Create));
        Assert.Equal(1, capabilities.BatchSizeOf(MarketplaceOperation.UpdatePrice));
        Assert.Equal(1, capabilities.BatchSizeOf(MarketplaceOperation.UpdateStock));
        Assert.Equal(50, capabilities.BatchSizeOf(MarketplaceOperation.SetStatus));
        Assert.Equal(120, capabilities.TitleMaxChars);
        Assert.True(capabilities.TitleMaxBytes >= capabilities.TitleMaxChars * 3, "Shopee counts characters; bytes must never be the binding limit");
        Assert.False(capabilities.SellsServices);
    }

    [Fact]
    public async Task Create_ChannelOfAnotherMarketplace_IsRefused()
    {
        await using var channel = ShopeeTestChannel.Create(Nowhere, "t");
        var factory = channel.Services.GetServices<IMarketplaceClientFactory>().Single(f => f.Marketplace == "shopee");

        Assert.Throws<ArgumentException>(() => factory.Create(new ChannelOptions { Id = "lazada-hn", Marketplace = "lazada", BaseUrl = Nowhere }));
        Assert.Throws<InvalidOperationException>(() => factory.Create(new ChannelOptions { Id = "unknown", Marketplace = "shopee", BaseUrl = Nowhere }));
    }
}
