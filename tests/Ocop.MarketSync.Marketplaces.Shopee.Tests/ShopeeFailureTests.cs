using Microsoft.Extensions.Time.Testing;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Shopee.Tests;

/// <summary>Whole-call failures as Shopee sends them: body errors under any HTTP status, throttling, refused tokens.</summary>
public sealed class ShopeeFailureTests : IClassFixture<WireMockShopee>, IAsyncDisposable
{
    private readonly WireMockShopee _shopee;
    private readonly ShopeeTestChannel _channel;

    public ShopeeFailureTests(WireMockShopee shopee)
    {
        _shopee = shopee;
        _shopee.Reset();
        _channel = ShopeeTestChannel.Create(shopee.BaseUrl, "tok-old", time: new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(WireMockShopee.Timestamp)));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UpdateStockAsync_ErrorAuthWithBusinessMessage_IsRejectedAndNoRefreshIsAttempted()
    {
        _shopee.Answer("POST", "/api/v2/product/update_stock", WireMockShopee.Error("error_auth", "Stock should be larger than reserved stock.", "req-trap"), 403);

        var result = Assert.Single(await _channel.Client.UpdateStockAsync([new StockUpdate("800000001", "OCOP-1", 1)], Ct));

        Assert.Equal("req-trap", Assert.IsType<MarketplaceError.Rejected>(result.Error).RequestId);
        Assert.Equal(0, _channel.Tokens.Refreshes);
        Assert.Single(_shopee.ShopeeRequests);
    }

    [Fact]
    public async Task UpdatePriceAsync_InvalidAccessToken_RefreshesOnceAndResendsWithTheNewToken()
    {
        _shopee.Answer("POST", "/api/v2/product/update_price", WireMockShopee.Error("invalid_acceess_token", "Invalid access_token."), 403, accessToken: "tok-old");
        _shopee.Answer("POST", "/api/v2/product/update_price", WireMockShopee.Ok("""{"success_list":[{"model_id":0}],"failure_list":[]}"""), accessToken: "tok-new");
        _channel.Tokens.Refresh = (_, _) => Task.FromResult(FakeShopTokenSource.Tokens("tok-new", "refresh-2"));

        var result = Assert.Single(await _channel.Client.UpdatePriceAsync([new PriceUpdate("800000001", "OCOP-1", 150_000)], Ct));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(1, _channel.Tokens.Refreshes);
        Assert.Equal(2, _shopee.ShopeeRequests.Count);
        WireMockShopee.AssertSigned(_shopee.ShopeeRequests[1], "tok-new");
        WireMockShopee.AssertJsonBody("""{"item_id":800000001,"price_list":[{"model_id":0,"original_price":150000}]}""", _shopee.ShopeeRequests[1]);
    }

    [Fact]
    public async Task UpdatePriceAsync_RefreshRefused_IsAuthExpired()
    {
        _shopee.Answer("POST", "/api/v2/product/update_price", WireMockShopee.Error("invalid_access_token", "Invalid access_token."), 403);

        var result = Assert.Single(await _channel.Client.UpdatePriceAsync([new PriceUpdate("800000001", "OCOP-1", 150_000)], Ct));

        Assert.IsType<MarketplaceError.AuthExpired>(result.Error);
        Assert.Equal(1, _channel.Tokens.Refreshes);
    }

    [Fact]
    public async Task SetStatusAsync_Http429_EveryItemIsRateLimited()
    {
        _shopee.Answer("POST", "/api/v2/product/unlist_item", WireMockShopee.Error("error_rate_limit", "Too many requests"), 429);

        var results = await _channel.Client.SetStatusAsync(
            [new StatusUpdate("1", "A", false), new StatusUpdate("2", "B", false)], Ct);

        Assert.All(results, r => Assert.IsType<MarketplaceError.RateLimited>(r.Error));
        Assert.Single(_shopee.ShopeeRequests);
    }

    [Fact]
    public async Task UpdatePriceAsync_WrongSign_IsMisconfiguredAndNotRetried()
    {
        _shopee.Answer("POST", "/api/v2/product/update_price", WireMockShopee.Error("error_sign", "Wrong sign.", "req-sign"), 403);

        var result = Assert.Single(await _channel.Client.UpdatePriceAsync([new PriceUpdate("800000001", "OCOP-1", 150_000)], Ct));

        Assert.Equal("req-sign", Assert.IsType<MarketplaceError.Misconfigured>(result.Error).RequestId);
        Assert.Single(_shopee.ShopeeRequests);
    }

    [Fact]
    public async Task UpdatePriceAsync_PromotionLockUnderHttp200_IsDeferred()
    {
        _shopee.Answer("POST", "/api/v2/product/update_price", WireMockShopee.Error("error_cannot_update_price_in_promotion", "In promotion."));

        var result = Assert.Single(await _channel.Client.UpdatePriceAsync([new PriceUpdate("800000001", "OCOP-1", 150_000)], Ct));

        Assert.Equal(TimeSpan.FromHours(1), Assert.IsType<MarketplaceError.Deferred>(result.Error).RetryAfter);
    }

    [Fact]
    public async Task FindBySellerSkuAsync_ServerError_ThrowsMarketplaceException()
    {
        _shopee.Answer("GET", "/api/v2/product/search_item", WireMockShopee.Error("error_system_busy", "busy"));

        var error = await Assert.ThrowsAsync<MarketplaceException>(() => _channel.Client.FindBySellerSkuAsync(["OCOP-1"], Ct));

        Assert.IsType<MarketplaceError.Transient>(error.Error);
    }

    [Fact]
    public async Task UpdatePriceAsync_TokensOfAnotherShop_IsMisconfiguredWithoutACall()
    {
        await using var channel = ShopeeTestChannel.Create(_shopee.BaseUrl, "x");
        channel.Tokens.Refresh = (_, _) => Task.FromResult(FakeShopTokenSource.Tokens("y", shopId: "999"));
        await channel.Tokens.RefreshNowAsync(ShopeeTestChannel.ChannelId, channel.Tokens.Current, Ct);

        var result = Assert.Single(await channel.Client.UpdatePriceAsync([new PriceUpdate("800000001", "OCOP-1", 150_000)], Ct));

        Assert.Contains("999", Assert.IsType<MarketplaceError.Misconfigured>(result.Error).Message, StringComparison.Ordinal);
        Assert.Empty(_shopee.ShopeeRequests);
    }

    [Fact]
    public async Task UpdatePriceAsync_RemoteIdNotAShopeeId_IsNotFoundWithoutACall()
    {
        var result = Assert.Single(await _channel.Client.UpdatePriceAsync([new PriceUpdate("itm-7", "OCOP-1", 150_000)], Ct));

        Assert.IsType<MarketplaceError.NotFound>(result.Error);
        Assert.Empty(_shopee.ShopeeRequests);
    }

    public ValueTask DisposeAsync() => _channel.DisposeAsync();
}
