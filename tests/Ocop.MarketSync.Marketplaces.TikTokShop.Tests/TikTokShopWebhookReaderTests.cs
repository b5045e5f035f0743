using System.Text;
using Ocop.MarketSync.Sync.Marketplaces.Webhooks;

namespace Ocop.MarketSync.Marketplaces.TikTokShop.Tests;

/// <summary>Webhook signature over the raw body (accept / reject), then shop → channel resolution and the hints per message type.</summary>
public sealed class TikTokShopWebhookReaderTests : IAsyncDisposable
{
    private readonly TikTokShopHarness _channel = TikTokShopHarness.Create(new Uri("http://127.0.0.1:9/"), FakeShopTokenSource.For("t"));

    private static WebhookRequest Signed(string body, string? signature = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return new WebhookRequest(new Uri("https://marketsync.example/webhooks/tiktokshop"),
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["authorization"] = signature ?? TikTokShopSigner.SignWebhook(TikTokShopHarness.AppKey, bytes, TikTokShopHarness.AppSecret),
            },
            bytes);
    }

    private static string Message(int type, string data, string shopId = TikTokShopHarness.ShopId) =>
        $$"""{"type":{{type}},"tts_notification_id":"7327112393057371910","shop_id":"{{shopId}}","timestamp":1644412885,"data":{{data}}}""";

    public static TheoryData<int, string, MarketplaceHintKind, string?> Kinds => new()
    {
        { 5, """{"product_id":"1729","status":"PLATFORM_DEACTIVATED","update_time":1644412885}""", MarketplaceHintKind.ItemBanned, "1729" },
        { 5, """{"product_id":"1729","status":"ACTIVATE"}""", MarketplaceHintKind.ItemChanged, "1729" },
        { 37, """{"product_id":"1730","status":"AUDIT_FAILED"}""", MarketplaceHintKind.ItemChanged, "1730" },
        { 15, """{"product_id":"1731"}""", MarketplaceHintKind.ItemChanged, "1731" },
        { 27, """{"product_id":"1732","status":"LOW_STOCK","available_quantity":3,"campaign_reserved_quantity":5}""", MarketplaceHintKind.ReservedStockChanged, "1732" },
        { 7, """{"message":"authorization expires in 30 days"}""", MarketplaceHintKind.AuthorizationExpiring, null },
        { 6, """{}""", MarketplaceHintKind.AuthorizationExpiring, null },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Read_ValidSignature_ResolvesTheChannelAndTheHint(int type, string data, MarketplaceHintKind kind, string? remoteId)
    {
        var verdict = _channel.WebhookReader.Read(Signed(Message(type, data)));

        Assert.True(verdict.Valid, verdict.RefusedBecause);
        var hint = Assert.Single(verdict.Hints);
        Assert.Equal((TikTokShopHarness.ChannelId, kind, remoteId), (hint.ChannelId, hint.Kind, hint.RemoteId));
    }

    [Fact]
    public void Read_OrderStatusMessage_IsAcceptedWithoutHints()
    {
        var verdict = _channel.WebhookReader.Read(Signed(Message(1, """{"order_id":"576"}""")));

        Assert.True(verdict.Valid);
        Assert.Empty(verdict.Hints);
    }

    [Fact]
    public void Read_BodyChangedAfterSigning_IsRefused()
    {
        var original = Message(5, """{"product_id":"1729","status":"ACTIVATE"}""");
        var signature = TikTokShopSigner.SignWebhook(TikTokShopHarness.AppKey, Encoding.UTF8.GetBytes(original), TikTokShopHarness.AppSecret);

        // Same JSON, re-serialised with a space: the signature covers raw bytes.
        var verdict = _channel.WebhookReader.Read(Signed(original.Replace("\"type\":5", "\"type\": 5", StringComparison.Ordinal), signature));

        Assert.False(verdict.Valid);
        Assert.Empty(verdict.Hints);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("CEB2B6DF58C23F43383C959F027636A9D04BDFECA94CB3B4ADD55BE29D911305")]
    public void Read_MissingOrForeignSignature_IsRefused(string? signature)
    {
        var request = Signed(Message(5, """{"product_id":"1729"}"""), signature ?? "x");
        if (signature is null)
        {
            request = request with { Headers = new Dictionary<string, string>() };
        }

        Assert.False(_channel.WebhookReader.Read(request).Valid);
    }

    [Fact]
    public void Read_SignedForAShopThatIsNoChannel_IsRefused()
    {
        var verdict = _channel.WebhookReader.Read(Signed(Message(5, """{"product_id":"1729"}""", shopId: "999")));

        Assert.False(verdict.Valid);
        Assert.Contains("999", verdict.RefusedBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SignedGarbage_IsRefusedNotThrown()
    {
        Assert.False(_channel.WebhookReader.Read(Signed("not json {")).Valid);
    }

    public ValueTask DisposeAsync() => _channel.DisposeAsync();
}
