using System.Text;
using Ocop.MarketSync.Sync.Marketplaces.Webhooks;

namespace Ocop.MarketSync.Marketplaces.Sendo.Tests;

/// <summary>Unsigned Sendo pushes: accepted only with the channel's secret in the URL, read as hints.</summary>
public sealed class SendoWebhookReaderTests
{
    private static WebhookRequest Push(string query, string body) =>
        new(new Uri("https://sync.example.vn/api/marketplaces/sendo/webhook" + query), new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body));

    [Fact]
    public async Task Read_RightSecretProductEvent_IsAnItemChangedHint()
    {
        // Arrange
        await using var channel = SendoHarness.Create(new Uri("http://127.0.0.1:1/"), FakeShopTokenSource.For("t"));

        // Act
        var verdict = channel.WebhookReader.Read(Push("?key=" + SendoHarness.WebhookSecret,
            $$$"""{"type":"PRODUCT.UPDATE","store_id":123,"shop_key":"{{{SendoHarness.ShopKey}}}","data":{"id":5501,"sku":"OCOP-REG-00001"}}"""));

        // Assert
        Assert.True(verdict.Valid, verdict.RefusedBecause);
        var hint = Assert.Single(verdict.Hints);
        Assert.Equal((SendoHarness.ChannelId, MarketplaceHintKind.ItemChanged, "5501", "PRODUCT.UPDATE"), (hint.ChannelId, hint.Kind, hint.RemoteId, hint.Detail));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?key=")]
    [InlineData("?key=wh-3f9a1c7e5b2d8f4a6c0e9b1X")]
    public async Task Read_MissingOrWrongSecret_IsRefused(string query)
    {
        // Arrange
        await using var channel = SendoHarness.Create(new Uri("http://127.0.0.1:1/"), FakeShopTokenSource.For("t"));

        // Act
        var verdict = channel.WebhookReader.Read(Push(query, """{"type":"PRODUCT.UPDATE","data":{"id":1}}"""));

        // Assert
        Assert.False(verdict.Valid);
    }

    [Fact]
    public async Task Read_OtherShopsKey_IsRefused()
    {
        // Arrange
        await using var channel = SendoHarness.Create(new Uri("http://127.0.0.1:1/"), FakeShopTokenSource.For("t"));

        // Act
        var verdict = channel.WebhookReader.Read(Push("?key=" + SendoHarness.WebhookSecret, """{"type":"PRODUCT.UPDATE","shop_key":"other","data":{"id":1}}"""));

        // Assert
        Assert.False(verdict.Valid);
    }

    [Theory]
    [InlineData("""{"type":"SALESORDER.UPDATE","data":{"order_number":"SO1"}}""", true)]
    [InlineData("not json", false)]
    public async Task Read_OrderEventsOrGarbage_NoHint(string body, bool valid)
    {
        // Arrange
        await using var channel = SendoHarness.Create(new Uri("http://127.0.0.1:1/"), FakeShopTokenSource.For("t"));

        // Act
        var verdict = channel.WebhookReader.Read(Push("?key=" + SendoHarness.WebhookSecret, body));

        // Assert
        Assert.Equal(valid, verdict.Valid);
        Assert.Empty(verdict.Hints);
    }

    [Fact]
    public async Task Read_ChannelWithoutSecret_TakesNoWebhooks()
    {
        // Arrange
        await using var channel = SendoHarness.Create(new Uri("http://127.0.0.1:1/"), FakeShopTokenSource.For("t"),
            new Dictionary<string, string?> { ["SENDO_TEST:WebhookSecret"] = null });

        // Act
        var verdict = channel.WebhookReader.Read(Push("?key=", """{"type":"PRODUCT.UPDATE"}"""));

        // Assert
        Assert.False(verdict.Valid);
    }
}
