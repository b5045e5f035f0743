using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Sendo.Tests;

/// <summary>Start-up validation names the key at fault; capabilities follow the options and Sendo's limits.</summary>
public sealed class SendoOptionsTests
{
    [Theory]
    [InlineData("SENDO_TEST:ShopKey", null, "SENDO_TEST:ShopKey is required")]
    [InlineData("SENDO_TEST:SecretKey", "", "SENDO_TEST:SecretKey is required")]
    [InlineData("SENDO_TEST:WebhookSecret", "short", "SENDO_TEST:WebhookSecret of channel 'sendo-test' must be")]
    [InlineData("Channels:sendo-test:Sendo:RequestsPerSecond", "50", "Channels:sendo-test:Sendo:RequestsPerSecond must be")]
    [InlineData("Channels:sendo-test:Sendo:ProductUrlTemplate", "https://sendo.vn/", "Channels:sendo-test:Sendo:ProductUrlTemplate must be")]
    [InlineData("Channels:sendo-test:Sendo:PendingReviewRetryAfter", "00:00:10", "Channels:sendo-test:Sendo:PendingReviewRetryAfter must be")]
    public async Task ValidateOptions_BadValue_NamesTheKey(string key, string? value, string expected)
    {
        // Arrange
        await using var channel = SendoHarness.Create(new Uri("http://127.0.0.1:1/"), FakeShopTokenSource.For("t"),
            new Dictionary<string, string?> { [key] = value });

        // Act
        var thrown = Assert.Throws<OptionsValidationException>(channel.ValidateOptions);

        // Assert
        Assert.Contains(expected, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Capabilities_FollowTheOptionsAndSendosLimits()
    {
        // Arrange
        await using var channel = SendoHarness.Create(new Uri("http://127.0.0.1:1/"), FakeShopTokenSource.For("t"),
            new Dictionary<string, string?> { [SendoHarness.Key("Sendo:RequestsPerSecond")] = "1.5" });

        // Act
        var capabilities = channel.Factory.Capabilities(channel.Channel);

        // Assert
        Assert.Equal(("sendo", 1.5, 8_000L, 99_999), (capabilities.Marketplace, capabilities.RequestsPerSecond, capabilities.MinPriceVnd!.Value, capabilities.MaxStock!.Value));
        Assert.Equal((3, 45, 100, 20), (capabilities.SellerSkuMinChars!.Value, capabilities.SellerSkuMaxChars!.Value, capabilities.DescriptionMinChars!.Value, capabilities.MaxImages!.Value));
        Assert.Equal((50, 1), (capabilities.BatchSizeOf(MarketplaceOperation.PageItems), capabilities.BatchSizeOf(MarketplaceOperation.FindBySellerSku)));
    }

    [Fact]
    public async Task ValidateOptions_Defaults_Pass()
    {
        // Arrange
        await using var channel = SendoHarness.Create(new Uri("http://127.0.0.1:1/"), FakeShopTokenSource.For("t"));

        // Act / Assert
        channel.ValidateOptions();
    }
}
