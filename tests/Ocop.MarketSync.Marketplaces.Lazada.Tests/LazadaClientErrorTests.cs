using Microsoft.Extensions.Time.Testing;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Lazada.Tests;

/// <summary>How the adapter reads Lazada's error bodies: whole-call and per-SKU failures, the traps, request ids.</summary>
public sealed class LazadaClientErrorTests : IClassFixture<LazadaWireMock>, IAsyncDisposable
{
    private readonly LazadaWireMock _lazada;
    private readonly LazadaHarness _channel;

    public LazadaClientErrorTests(LazadaWireMock lazada)
    {
        _lazada = lazada;
        _lazada.Reset();
        _channel = LazadaHarness.Create(lazada.Gateway, new FakeTimeProvider(DateTimeOffset.UtcNow));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UpdatePriceAsync_ApiCallLimitWithHttp200_IsRateLimitedOnEveryItem()
    {
        // Arrange
        _lazada.Answer("/product/price_quantity/update", """{"type":"ISP","code":"ApiCallLimit","message":"The request has exceeded the limit","request_id":"rq-9"}""");

        // Act
        var results = await _channel.Client.UpdatePriceAsync([new PriceUpdate("1:2", "A", 1000), new PriceUpdate("3:4", "B", 2000)], Ct);

        // Assert
        Assert.All(results, r => Assert.Equal(TimeSpan.FromSeconds(1), Assert.IsType<MarketplaceError.RateLimited>(r.Error).RetryAfter));
        Assert.All(results, r => Assert.Equal("rq-9", r.Error!.RequestId));
    }

    [Fact]
    public async Task UpdateStockAsync_DetailNamesOneSku_FailsThatSkuAndLeavesTheOtherUnconfirmed()
    {
        // Arrange: the campaign-locked SKU is Deferred, not Rejected; the other is not claimed as applied.
        _lazada.Answer("/product/stock/sellable/update", """
            {"type":"ISV","code":"500","message":"Some SKUs could not be updated","request_id":"rq-1",
             "detail":[{"seller_sku":"B","field":"SellableQuantity","message":"Stock cannot be decreased during the campaign","code":"4170"}]}
            """);

        // Act
        var results = await _channel.Client.UpdateStockAsync([new StockUpdate("1:2", "A", 5), new StockUpdate("3:4", "B", 1)], Ct);

        // Assert
        Assert.IsType<MarketplaceError.Transient>(results[0].Error);
        Assert.Equal(TimeSpan.FromHours(1), Assert.IsType<MarketplaceError.Deferred>(results[1].Error).RetryAfter);
        Assert.Equal(["rq-1", "rq-1"], results.Select(r => r.Error!.RequestId));
    }

    [Fact]
    public async Task CreateAsync_UmbrellaCodeWithDetail_IsDecidedByTheDetailAndCarriesItsMessage()
    {
        // Arrange
        _lazada.Answer("/image/migrate", """{"code":"0","data":{"image":{"url":"https://vn-live-01.slatic.net/p/a.jpg"}}}""");
        _lazada.Answer("/product/create", """
            {"type":"ISV","code":"500","message":"create failed","request_id":"rq-2",
             "detail":[{"field":"country_origin_vn","message":"is mandatory","code":"4108"}]}
            """);

        // Act
        var result = Assert.Single(await _channel.Client.CreateAsync([Listings.Create("OCOP-1")], Ct));

        // Assert
        var rejected = Assert.IsType<MarketplaceError.Rejected>(result.Error);
        Assert.Contains("country_origin_vn: is mandatory", rejected.Message, StringComparison.Ordinal);
        Assert.Equal("rq-2", rejected.RequestId);
    }

    [Fact]
    public async Task CreateAsync_SellerSkuRepeat_AdoptsTheExistingItem()
    {
        // Arrange: the create whose answer was lost went through; the second create meets the SKU.
        _lazada.Answer("/image/migrate", """{"code":"0","data":{"image":{"url":"https://vn-live-01.slatic.net/p/a.jpg"}}}""");
        _lazada.Answer("/product/create", """{"type":"ISV","code":"4105","message":"SellerSku is repeat","request_id":"rq-3"}""");
        _lazada.Answer("/products/get", """
            {"code":"0","data":{"total_products":1,"products":[{"item_id":7,"status":"active","updated_time":"1","attributes":{"name":"x"},
              "skus":[{"SkuId":8,"SellerSku":"OCOP-1","price":185000,"quantity":12,"Status":"active","Url":"https://www.lazada.vn/products/i7-s8.html"}]}]}}
            """);

        // Act
        var result = Assert.Single(await _channel.Client.CreateAsync([Listings.Create("OCOP-1")], Ct));

        // Assert
        Assert.Equal(new ItemResult("OCOP-1", null, "7:8", "https://www.lazada.vn/products/i7-s8.html"), result);
    }

    [Fact]
    public async Task SetStatusAsync_DeactivateAnInactiveItem_IsASuccess()
    {
        // Arrange
        _lazada.Answer("/product/deactivate", """{"type":"ISV","code":"E0004","message":"already inactive","request_id":"rq-4"}""");

        // Act
        var result = Assert.Single(await _channel.Client.SetStatusAsync([new StatusUpdate("1:2", "A", false)], Ct));

        // Assert
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task UpdatePriceAsync_IllegalAccessToken_RefreshesOnceAndResendsWithTheNewToken()
    {
        // Arrange
        _channel.Tokens.Refresh = (_, _) => Task.FromResult(FakeShopTokenSource.Tokens("access-2", "refresh-2"));
        _lazada.AnswerInSequence("/product/price_quantity/update",
            """{"type":"ISV","code":"IllegalAccessToken","message":"The specified access token is invalid or expired","request_id":"rq-5"}""",
            """{"code":"0","request_id":"rq-6"}""");

        // Act
        var result = Assert.Single(await _channel.Client.UpdatePriceAsync([new PriceUpdate("1:2", "A", 1000)], Ct));

        // Assert
        Assert.True(result.Succeeded);
        Assert.Equal(1, _channel.Tokens.Refreshes);
        Assert.Equal(["access-1", "access-2"], _lazada.Requests.Select(r => FormRequest.Parameters(r)["access_token"]));
    }

    [Fact]
    public async Task UpdatePriceAsync_RefreshRefused_IsAuthExpiredWithoutASecondSend()
    {
        // Arrange: the token source cannot refresh (no Refresh configured): the channel needs re-authorisation.
        _lazada.Answer("/product/price_quantity/update", """{"type":"ISV","code":"IllegalAccessToken","message":"expired","request_id":"rq-7"}""");

        // Act
        var result = Assert.Single(await _channel.Client.UpdatePriceAsync([new PriceUpdate("1:2", "A", 1000)], Ct));

        // Assert
        Assert.IsType<MarketplaceError.AuthExpired>(result.Error);
        Assert.Single(_lazada.Requests);
    }

    [Fact]
    public async Task FindBySellerSkuAsync_IncompleteSignature_ThrowsMisconfigured()
    {
        // Arrange
        _lazada.Answer("/products/get", """{"type":"ISV","code":"IncompleteSignature","message":"The request signature does not conform to lazop standards","request_id":"rq-8"}""");

        // Act
        var error = await Assert.ThrowsAsync<MarketplaceException>(() => _channel.Client.FindBySellerSkuAsync(["A"], Ct));

        // Assert
        Assert.IsType<MarketplaceError.Misconfigured>(error.Error);
        Assert.Equal("rq-8", error.Error.RequestId);
    }

    [Fact]
    public async Task FindBySellerSkuAsync_Http503TwiceWithAnHtmlPage_ThrowsTransientAfterOneRetry()
    {
        // Arrange
        _lazada.Answer("/products/get", "<html>Service Unavailable</html>", 503);

        // Act
        var error = await Assert.ThrowsAsync<MarketplaceException>(() => _channel.Client.FindBySellerSkuAsync(["A"], Ct));

        // Assert
        Assert.IsType<MarketplaceError.Transient>(error.Error);
        Assert.Equal(2, _lazada.Requests.Count);
    }

    [Fact]
    public async Task UpdatePriceAsync_Http503_IsTransientAndNeverResent()
    {
        // Arrange
        _lazada.Answer("/product/price_quantity/update", "<html>Bad gateway</html>", 503);

        // Act
        var result = Assert.Single(await _channel.Client.UpdatePriceAsync([new PriceUpdate("1:2", "A", 1000)], Ct));

        // Assert: a write whose answer was lost may have been applied; the engine decides, not the HTTP layer.
        Assert.IsType<MarketplaceError.Transient>(result.Error);
        Assert.Single(_lazada.Requests);
    }

    [Fact]
    public async Task CreateAsync_TitleOver255Utf8Bytes_IsRejectedWithoutACall()
    {
        // Arrange: 100 letters with diacritics are 100 characters but 300 bytes.
        var title = string.Concat(Enumerable.Repeat("ữ", 100));

        // Act
        var result = Assert.Single(await _channel.Client.CreateAsync([Listings.Create("OCOP-1", title)], Ct));

        // Assert
        Assert.Contains("300 bytes", Assert.IsType<MarketplaceError.Rejected>(result.Error).Message, StringComparison.Ordinal);
        Assert.Empty(_lazada.Requests);
    }

    [Fact]
    public async Task UpdatePriceAsync_RemoteIdNotOurs_IsNotFoundWithoutACall()
    {
        // Act
        var result = Assert.Single(await _channel.Client.UpdatePriceAsync([new PriceUpdate("itm-000007", "A", 1000)], Ct));

        // Assert
        Assert.IsType<MarketplaceError.NotFound>(result.Error);
        Assert.Empty(_lazada.Requests);
    }

    public ValueTask DisposeAsync() => _channel.DisposeAsync();
}
