using Microsoft.Extensions.Options;
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
}
