using System.Text;
using Ocop.MarketSync.Sandbox.Lazada;
using Ocop.MarketSync.Sync.Marketplaces.Webhooks;

namespace Ocop.MarketSync.Marketplaces.Lazada.Tests;

/// <summary>Push messages: the signature over app key + raw body decides, then the seller id picks the channel.</summary>
public sealed class LazadaWebhookReaderTests : IAsyncDisposable
{
    private static readonly Uri Callback = new("https://sync.example.vn/webhooks/lazada");
    private readonly LazadaHarness _channel = LazadaHarness.Create(new Uri("http://127.0.0.1:9/rest"));
    private readonly LazadaSimulator _lazada = new(
        new LazadaSimulatorOptions { AppKey = LazadaHarness.AppKey, AppSecret = LazadaHarness.AppSecret }, TimeProvider.System);

    private static byte[] Message(int type, string sellerId = LazadaHarness.SellerId) => Encoding.UTF8.GetBytes(
        "{\"seller_id\":\"" + sellerId + "\",\"message_type\":" + type.ToString(System.Globalization.CultureInfo.InvariantCulture)
        + ",\"data\":{\"item_id\":\"3000000001\",\"sku_list\":[{\"seller_sku\":\"OCOP-1\",\"sku_id\":\"30000000017\",\"shop_sku\":\"x\"}],\"action\":\"QC_PASSED\"},"
        + "\"timestamp\":1606130634,\"site\":\"lazada_vn\"}");

    private WebhookVerdict Read(byte[] body, string? signature) => _channel.WebhookReader.Read(new WebhookRequest(Callback,
        signature is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["authorization"] = signature }, body));

    [Theory]
    [InlineData(1, MarketplaceHintKind.ItemChanged)]
    [InlineData(3, MarketplaceHintKind.ItemChanged)]
    [InlineData(4, MarketplaceHintKind.ItemChanged)]
    [InlineData(5, MarketplaceHintKind.ItemChanged)]
    [InlineData(6, MarketplaceHintKind.ReservedStockChanged)]
    public void Read_SignedProductMessage_IsAcceptedWithAHintForTheSku(int type, MarketplaceHintKind kind)
    {
        // Arrange
        var body = Message(type);

        // Act
        var verdict = Read(body, _lazada.SignPush(body));

        // Assert
        Assert.True(verdict.Valid, verdict.RefusedBecause);
        var hint = Assert.Single(verdict.Hints);
        Assert.Equal((LazadaHarness.ChannelId, kind, "3000000001:30000000017"), (hint.ChannelId, hint.Kind, hint.RemoteId));
    }

    [Fact]
    public void Read_TokenExpiringMessage_HintsReauthorisation()
    {
        // Arrange
        var body = Message(8);

        // Act
        var verdict = Read(body, _lazada.SignPush(body));

        // Assert
        Assert.Equal(MarketplaceHintKind.AuthorizationExpiring, Assert.Single(verdict.Hints).Kind);
    }

    [Fact]
    public void Read_OneByteChangedAfterSigning_IsRefused()
    {
        // Arrange
        var body = Message(3);
        var signature = _lazada.SignPush(body);
        body[^3] ^= 1;

        // Act
        var verdict = Read(body, signature);

        // Assert
        Assert.False(verdict.Valid);
        Assert.Empty(verdict.Hints);
    }

    [Fact]
    public void Read_SignedWithAnotherAppSecret_IsRefused()
    {
        // Arrange
        var body = Message(3);
        var other = new LazadaSimulator(new LazadaSimulatorOptions { AppKey = LazadaHarness.AppKey, AppSecret = "other" }, TimeProvider.System);

        // Act + Assert
        Assert.False(Read(body, other.SignPush(body)).Valid);
        Assert.False(Read(body, null).Valid);
    }

    [Fact]
    public void Read_ValidMessageForAnotherSeller_IsAcceptedWithoutHints()
    {
        // Arrange: acknowledged, so Lazada stops resending, but about no channel of ours.
        var body = Message(3, sellerId: "999");

        // Act
        var verdict = Read(body, _lazada.SignPush(body));

        // Assert
        Assert.True(verdict.Valid);
        Assert.Empty(verdict.Hints);
    }

    [Fact]
    public void Read_SignedGarbage_IsRefusedNotThrown()
    {
        // Arrange
        var body = Encoding.UTF8.GetBytes("not json {");

        // Act
        var verdict = Read(body, _lazada.SignPush(body));

        // Assert
        Assert.False(verdict.Valid);
    }

    public ValueTask DisposeAsync() => _channel.DisposeAsync();
}
