using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Lazada.Tests;

/// <summary>What AddLazadaMarketplace checks: options naming the bad key, credentials naming the missing key.</summary>
public sealed class LazadaRegistrationTests
{
    private static readonly Uri Gateway = new("http://127.0.0.1:9/rest");

    [Fact]
    public async Task Options_BatchAboveLazadasLimit_FailValidationNamingTheKey()
    {
        // Arrange
        await using var channel = LazadaHarness.Create(Gateway, extra: new Dictionary<string, string?>
        {
            [$"Channels:{LazadaHarness.ChannelId}:Lazada:UpdateBatchSize"] = "51",
            [$"Channels:{LazadaHarness.ChannelId}:Lazada:PackageLengthCm"] = "290",
        });

        // Act
        var error = Assert.Throws<OptionsValidationException>(() => channel.Client);

        // Assert
        Assert.Contains($"Channels:{LazadaHarness.ChannelId}:Lazada:UpdateBatchSize must be from 1 to 50 (got '51')", error.Message, StringComparison.Ordinal);
        Assert.Contains("PackageLengthCm", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_RequiredAttributesNothingFills_FailValidationNamingTheKeys()
    {
        // Arrange: "expiry_date" is neither mapped nor fixed, so every create (of the category) would be refused.
        await using var channel = LazadaHarness.Create(Gateway, extra: new Dictionary<string, string?>
        {
            [$"Channels:{LazadaHarness.ChannelId}:Lazada:RequiredAttributes:0"] = "country_origin_vn",
            [$"Channels:{LazadaHarness.ChannelId}:Lazada:RequiredAttributes:1"] = "warranty",
            [$"Channels:{LazadaHarness.ChannelId}:Lazada:RequiredAttributesByCategory:10002019:0"] = "shelf_life",
            [$"Channels:{LazadaHarness.ChannelId}:Lazada:RequiredAttributesByCategory:10002019:1"] = "expiry_date",
            [$"Channels:{LazadaHarness.ChannelId}:Lazada:RequiredAttributesByCategory:honey:0"] = "shelf_life",
        });

        // Act
        var error = Assert.Throws<OptionsValidationException>(() => channel.Client);

        // Assert
        var prefix = $"Channels:{LazadaHarness.ChannelId}:Lazada:";
        Assert.Contains($"{prefix}RequiredAttributes must be Lazada attributes a create can carry", error.Message, StringComparison.Ordinal);
        Assert.Contains("(got 'warranty')", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{prefix}RequiredAttributesByCategory:10002019 must be a non-empty list of Lazada attributes", error.Message, StringComparison.Ordinal);
        Assert.Contains("(got 'expiry_date')", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{prefix}RequiredAttributesByCategory:honey must be keyed by a Lazada category id", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Failures.Count());
    }

    [Fact]
    public async Task Options_RequiredAttributesMappedOrFixed_PassValidation()
    {
        // Arrange: mapped (AttributeMap value), fixed on the SKU, and always sent (name).
        await using var channel = LazadaHarness.Create(Gateway, extra: new Dictionary<string, string?>
        {
            [$"Channels:{LazadaHarness.ChannelId}:Lazada:RequiredAttributes:0"] = "country_origin_vn",
            [$"Channels:{LazadaHarness.ChannelId}:Lazada:RequiredAttributes:1"] = "name",
            [$"Channels:{LazadaHarness.ChannelId}:Lazada:RequiredAttributesByCategory:10002019:0"] = "shelf_life",
            [$"Channels:{LazadaHarness.ChannelId}:Lazada:RequiredAttributesByCategory:10002019:1"] = "delivery_option_economy",
        });

        // Act + Assert
        Assert.Equal("lazada", channel.Client.Capabilities.Marketplace);
    }

    [Fact]
    public async Task Capabilities_DefaultOptions_CountTitlesInBytesAndCreateOneProductPerCall()
    {
        // Arrange
        await using var channel = LazadaHarness.Create(Gateway);

        // Act
        var capabilities = channel.Client.Capabilities;

        // Assert
        Assert.Equal(("lazada", 255, 1, 20, 50), (capabilities.Marketplace, capabilities.TitleMaxBytes,
            capabilities.BatchSizeOf(MarketplaceOperation.Create), capabilities.BatchSizeOf(MarketplaceOperation.UpdatePrice),
            capabilities.BatchSizeOf(MarketplaceOperation.PageItems)));
    }

    [Fact]
    public async Task Calls_AppSecretMissing_AreMisconfiguredNamingTheKey()
    {
        // Arrange
        await using var channel = LazadaHarness.Create(Gateway, extra: new Dictionary<string, string?> { ["LAZADA_TEST:AppSecret"] = "" });

        // Act
        var result = Assert.Single(await channel.Client.UpdateStockAsync([new StockUpdate("1:2", "A", 1)], TestContext.Current.CancellationToken));

        // Assert
        Assert.Contains("LAZADA_TEST:AppSecret is not set", Assert.IsType<MarketplaceError.Misconfigured>(result.Error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExampleChannel_ConfigExample_MapsAll26SetsAndPassesValidation()
    {
        // Arrange
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "Data", "lazada-channel.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["LAZADA_EXAMPLE:AppKey"] = "k", ["LAZADA_EXAMPLE:AppSecret"] = "s" })
            .Build();
        using var services = new ServiceCollection().AddLazadaMarketplace(configuration).BuildServiceProvider();

        // Act
        var options = services.GetRequiredService<IOptionsMonitor<LazadaChannelOptions>>().Get("lazada-example");
        var channel = configuration.GetSection("Channels:lazada-example").Get<ChannelOptions>()!;

        // Assert
        Assert.Equal(Enumerable.Range(1, 26), channel.Categories.Keys.Order());
        Assert.Equal(("No Brand", "country_origin_vn"), (options.Brand, options.AttributeMap["origin.province"]));
        Assert.Equal("lazada", channel.Marketplace);
    }
}
