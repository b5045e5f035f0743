using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.TikTokShop.Tests;

/// <summary>Lookups, paging and the one forced token refresh: exact requests and how answers are read.</summary>
public sealed class TikTokShopClientReadTests : IClassFixture<WireMockTikTok>, IAsyncDisposable
{
    private const string Token = "ROW_access-1";
    private const string Cipher = "ROW_cipher-42";
    private readonly WireMockTikTok _tiktok;
    private readonly FakeShopTokenSource _tokens = FakeShopTokenSource.For(Token, Cipher);
    private readonly TikTokShopHarness _channel;

    public TikTokShopClientReadTests(WireMockTikTok tiktok)
    {
        _tiktok = tiktok;
        _tiktok.Reset();
        _channel = TikTokShopHarness.Create(tiktok.BaseUrl, _tokens);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Product(string id, string sku, string status = "ACTIVATE", long price = 185000, int stock = 12, long updated = 1_764_400_000) => $$"""
        {"id":"{{id}}","title":"Trà shan tuyết Hà Giang – OCOP 4★","status":"{{status}}",
         "skus":[{"id":"s{{id}}","seller_sku":"{{sku}}","price":{"currency":"VND","tax_exclusive_price":"{{price}}","sale_price":"{{price}}"},
                  "inventory":[{"warehouse_id":"w1","quantity":{{stock}}}]}],"update_time":{{updated}}}
        """;

    [Fact]
    public async Task FindBySellerSkuAsync_TwoSkus_PostsSearchFilterAndKeepsOnlyExactMatches()
    {
        // Arrange: search also returns a product whose SKU only resembles ours, and a deleted one.
        _tiktok.Ok("POST", "/product/202309/products/search", $$"""
            {"products":[{{Product("11", "OCOP-1")}},{{Product("12", "OCOP-10")}},{{Product("13", "OCOP-2", "DELETED")}},{{Product("14", "OCOP-2", "PLATFORM_DEACTIVATED", 99000, 0)}}],
             "next_page_token":"","total_count":4}
            """, requestId: "req-search");

        // Act
        var found = await _channel.Client.FindBySellerSkuAsync(["OCOP-1", "OCOP-2"], Ct);

        // Assert
        Assert.Equal(
            [
                new RemoteItem("11", "OCOP-1", "https://shop.tiktok.com/view/product/11?region=VN", "Trà shan tuyết Hà Giang – OCOP 4★", 185_000, 12, true, false,
                    DateTimeOffset.FromUnixTimeSeconds(1_764_400_000)) { RequestId = "req-search" },
                new RemoteItem("14", "OCOP-2", "https://shop.tiktok.com/view/product/14?region=VN", "Trà shan tuyết Hà Giang – OCOP 4★", 99_000, 0, false, true,
                    DateTimeOffset.FromUnixTimeSeconds(1_764_400_000)) { RequestId = "req-search" },
            ],
            found);
        var search = Assert.Single(_tiktok.Requests);
        Assert.Equal(("POST", "/product/202309/products/search"), (search.Method, search.Path));
        Assert.Equal("100", TestSigning.Query(new Uri(search.Url), "page_size"));
        WireMockTikTok.AssertSigned(search, Token, Cipher);
        WireMockTikTok.AssertJsonBody("""{"status":"ALL","seller_skus":["OCOP-1","OCOP-2"]}""", search);
    }

    [Fact]
    public async Task PageItemsAsync_TwoPages_FollowsTheTokenAndFiltersThePrefix()
    {
        // Arrange
        _tiktok.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/product/202309/products/search").UsingPost()
                .WithParam("page_token", "cursor-2"))
            .AtPriority(1)
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody($$$"""{"code":0,"message":"Success","request_id":"r2","data":{"products":[{{{Product("3", "OCOP-3")}}}],"next_page_token":""}}"""));
        _tiktok.Ok("POST", "/product/202309/products/search",
            $$"""{"products":[{{Product("1", "OCOP-1")}},{{Product("2", "HAND-2")}}],"next_page_token":"cursor-2","total_count":3}""");

        // Act
        var items = new List<RemoteItem>();
        await foreach (var item in _channel.Client.PageItemsAsync("OCOP-", Ct))
        {
            items.Add(item);
        }

        // Assert
        Assert.Equal(["OCOP-1", "OCOP-3"], items.Select(i => i.SellerSku));
        var (first, second) = (_tiktok.Requests[0], _tiktok.Requests[1]);
        Assert.Null(TestSigning.Query(new Uri(first.Url), "page_token"));
        Assert.Equal("cursor-2", TestSigning.Query(new Uri(second.Url), "page_token"));
        WireMockTikTok.AssertSigned(second, Token, Cipher);
        WireMockTikTok.AssertJsonBody("""{"status":"ALL"}""", second);
    }

    [Fact]
    public async Task PageItemsAsync_SameTokenAgain_ThrowsInsteadOfLooping()
    {
        _tiktok.Ok("POST", "/product/202309/products/search", $$"""{"products":[{{Product("1", "OCOP-1")}}],"next_page_token":"cursor-1"}""");

        var error = await Assert.ThrowsAsync<MarketplaceException>(async () =>
        {
            await foreach (var _ in _channel.Client.PageItemsAsync("OCOP-", Ct))
            {
            }
        });

        Assert.IsType<MarketplaceError.Transient>(error.Error);
    }

    [Fact]
    public async Task UpdatePriceAsync_AccessTokenExpired_RefreshesOnceAndResendsWithTheNewToken()
    {
        // Arrange: the old token gets 105002; the new one succeeds.
        _tokens.OnRefresh = (rejected, _) => Task.FromResult(rejected with { AccessToken = "ROW_access-2" });
        _tiktok.Server.Given(WireMock.RequestBuilders.Request.Create().UsingAnyMethod().WithHeader("x-tts-access-token", Token))
            .AtPriority(1)
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(401).WithHeader("Content-Type", "application/json")
                .WithBody("""{"code":105002,"message":"access token is expired, please refresh it","request_id":"r-exp"}"""));
        _tiktok.Ok("GET", "/product/202309/products/77", """{"id":"77","skus":[{"id":"s77","seller_sku":"OCOP-7"}]}""");
        _tiktok.Ok("POST", "/product/202309/products/77/prices/update", "{}");

        // Act
        var result = Assert.Single(await _channel.Client.UpdatePriceAsync([new PriceUpdate("77", "OCOP-7", 90_000)], Ct));

        // Assert
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(1, _tokens.ForcedRefreshes);
        Assert.Equal([Token, "ROW_access-2", "ROW_access-2"], _tiktok.Requests.Select(r => r.Headers!["x-tts-access-token"][0]));
        WireMockTikTok.AssertSigned(_tiktok.Requests[1], "ROW_access-2", Cipher);
    }

    [Fact]
    public async Task UpdatePriceAsync_RefreshRefused_IsAuthExpiredWithoutThrowing()
    {
        // No OnRefresh: the fake refuses as the store does when the refresh token is dead.
        _tiktok.Answer("GET", "/product/202309/products/77", 401, """{"code":105002,"message":"access token is expired","request_id":"r-exp"}""");

        var result = Assert.Single(await _channel.Client.UpdatePriceAsync([new PriceUpdate("77", "OCOP-7", 90_000)], Ct));

        Assert.IsType<MarketplaceError.AuthExpired>(result.Error);
        Assert.Single(_tiktok.Requests);
    }

    [Fact]
    public async Task FindBySellerSkuAsync_NoShopCipherStored_ThrowsAuthExpiredWithoutACall()
    {
        // Arrange
        await using var channel = TikTokShopHarness.Create(_tiktok.BaseUrl,
            new FakeShopTokenSource(_tokens.Current with { Extra = new Dictionary<string, string>() }));

        // Act
        var error = await Assert.ThrowsAsync<MarketplaceException>(() => channel.Client.FindBySellerSkuAsync(["OCOP-1"], Ct));

        // Assert
        Assert.IsType<MarketplaceError.AuthExpired>(error.Error);
        Assert.Empty(_tiktok.Requests);
    }

    [Fact]
    public void Options_MissingWarehouseAndSecret_FailAtStartNamingTheKeys()
    {
        var channel = TikTokShopHarness.Create(_tiktok.BaseUrl, _tokens, new Dictionary<string, string?>
        {
            [TikTokShopHarness.Key("TikTokShop:WarehouseId")] = null,
            ["TTS_TEST:AppSecret"] = null,
        });

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(channel.ValidateOptions);
        Assert.Contains("Channels:tiktokshop-test:TikTokShop:WarehouseId", error.Message, StringComparison.Ordinal);

        var keys = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            TikTokShopHarness.Create(_tiktok.BaseUrl, _tokens, new Dictionary<string, string?> { ["TTS_TEST:AppSecret"] = null }).ValidateOptions());
        Assert.Contains("TTS_TEST:AppSecret", keys.Message, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => _channel.DisposeAsync();
}
