using System.Text;
using Ocop.MarketSync.Sync.Marketplaces.Webhooks;

namespace Ocop.MarketSync.Marketplaces.Shopee.Tests;

/// <summary>Push messages: the signature over the callback URL and the raw body, then hints routed to the channel of the shop.</summary>
public sealed class ShopeeWebhookReaderTests : IAsyncDisposable
{
    private static readonly Uri Url = new(ShopeeTestChannel.CallbackUrl);
    private readonly ShopeeTestChannel _channel = ShopeeTestChannel.Create(new Uri("http://127.0.0.1:1/"), "t");

    private IMarketplaceWebhookReader Reader => _channel.WebhookReader;

    [Fact]
    public void Read_ReservedStockPushSignedWithTheVector_IsAReservedStockHintForTheChannel()
    {
        const string Body = """{"msg_id":"m1","shop_id":322300222,"code":8,"timestamp":1764400000,"data":{"item_id":800000001,"shop_id":322300222}}""";

        var verdict = Reader.Read(Request(Body, "e8a216ab64a12fd3dc7d2e0f532a002876cd5f0b355254717816c5d0d8173b94"));

        Assert.True(verdict.Valid, verdict.RefusedBecause);
        var hint = Assert.Single(verdict.Hints);
        Assert.Equal((ShopeeTestChannel.ChannelId, MarketplaceHintKind.ReservedStockChanged, "800000001"), (hint.ChannelId, hint.Kind, hint.RemoteId));
    }

    [Fact]
    public void Read_SameBodyWithATrailingSpace_IsRefused()
    {
        const string Body = """{"msg_id":"m1","shop_id":322300222,"code":8,"timestamp":1764400000,"data":{"item_id":800000001,"shop_id":322300222}} """;

        var verdict = Reader.Read(Request(Body, "e8a216ab64a12fd3dc7d2e0f532a002876cd5f0b355254717816c5d0d8173b94"));

        Assert.False(verdict.Valid);
        Assert.Empty(verdict.Hints);
    }

    [Theory]
    [InlineData("""{"shop_id":322300222,"code":6,"data":{"item_id":800000002,"ban_type":"Hàng cấm"}}""", MarketplaceHintKind.ItemBanned, "800000002")]
    [InlineData("""{"shop_id":322300222,"code":2,"data":{}}""", MarketplaceHintKind.AuthorizationExpiring, null)]
    [InlineData("""{"code":12,"data":{"expire_before":1765000000,"shop_expire_soon":[322300222,999]}}""", MarketplaceHintKind.AuthorizationExpiring, null)]
    public void Read_SignedPushWeActOn_GivesItsHint(string body, MarketplaceHintKind kind, string? remoteId)
    {
        var verdict = Reader.Read(Request(body, Sign(body, ShopeeTestChannel.PartnerKey)));

        var hint = Assert.Single(verdict.Hints);
        Assert.Equal((ShopeeTestChannel.ChannelId, kind, remoteId), (hint.ChannelId, hint.Kind, hint.RemoteId));
    }

    [Theory]
    [InlineData("""{"shop_id":322300222,"code":3,"data":{"ordersn":"X"}}""")]
    [InlineData("""{"shop_id":777,"code":8,"data":{"item_id":1}}""")]
    [InlineData("""{"code":0,"data":{"verify_info":"abc"}}""")]
    public void Read_SignedPushWeDoNotActOnOrOfAnotherShop_IsAcknowledgedWithoutHints(string body)
    {
        var verdict = Reader.Read(Request(body, Sign(body, ShopeeTestChannel.PartnerKey)));

        Assert.True(verdict.Valid, verdict.RefusedBecause);
        Assert.Empty(verdict.Hints);
    }

    [Fact]
    public void Read_SignedWithAnotherKeyOrWithoutHeader_IsRefused()
    {
        const string Body = """{"shop_id":322300222,"code":6,"data":{"item_id":1}}""";

        Assert.False(Reader.Read(Request(Body, Sign(Body, "someone-else"))).Valid);
        Assert.False(Reader.Read(new WebhookRequest(Url, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(Body))).Valid);
    }

    [Fact]
    public void Read_SignedButNotJson_IsRefusedWithoutThrowing()
    {
        const string Body = "<html>not a push</html>";

        var verdict = Reader.Read(Request(Body, Sign(Body, ShopeeTestChannel.PartnerKey)));

        Assert.False(verdict.Valid);
    }

    private static WebhookRequest Request(string body, string signature) =>
        new(Url, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["authorization"] = signature }, Encoding.UTF8.GetBytes(body));

    private static string Sign(string body, string key) => ShopeeSigner.PushSignature(key, ShopeeTestChannel.CallbackUrl, Encoding.UTF8.GetBytes(body));

    public ValueTask DisposeAsync() => _channel.DisposeAsync();
}
