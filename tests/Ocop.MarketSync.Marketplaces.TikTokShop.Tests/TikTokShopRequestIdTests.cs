using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.TikTokShop.Tests;

/// <summary>
/// Issue 5: TikTok's <c>request_id</c> of the call that decided an item is kept with its result, success or failure,
/// for every operation (the audit trail and support tickets quote it).
/// </summary>
public sealed class TikTokShopRequestIdTests : IClassFixture<WireMockTikTok>, IAsyncDisposable
{
    private const string Product = "1729592969712207008";
    private const string Sku = "1729592969712207012";
    private readonly WireMockTikTok _tiktok;
    private readonly TikTokShopHarness _channel;

    public TikTokShopRequestIdTests(WireMockTikTok tiktok)
    {
        _tiktok = tiktok;
        _tiktok.Reset();
        _channel = TikTokShopHarness.Create(tiktok.BaseUrl, FakeShopTokenSource.For("ROW_access-1", "ROW_cipher-42"));
        _tiktok.Ok("POST", "/product/202309/images/upload", """{"uri":"tos-1/abc"}""", "req-upload");
        _tiktok.Ok("GET", $"/product/202309/products/{Product}", $$"""{"id":"{{Product}}","skus":[{"id":"{{Sku}}","seller_sku":"OCOP-1"}]}""", "req-get");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IMarketplaceClient Client => _channel.Client;

    [Fact]
    public async Task CreateAsync_Created_CarriesTheCreatesRequestId()
    {
        _tiktok.Ok("POST", "/product/202309/products", $$"""{"product_id":"{{Product}}","skus":[{"id":"{{Sku}}","seller_sku":"OCOP-1"}]}""", "req-create");

        var result = Assert.Single(await Client.CreateAsync([Listings.Create("OCOP-1", _tiktok.BaseUrl)], Ct));

        AssertAnswered("req-create", result, succeeded: true);
    }

    [Fact]
    public async Task CreateAsync_CreateRefused_CarriesTheCreatesRequestId()
    {
        Fail("POST", "/product/202309/products", 12019001, "category is invalid", "req-create-err");

        var result = Assert.Single(await Client.CreateAsync([Listings.Create("OCOP-1", _tiktok.BaseUrl)], Ct));

        AssertAnswered("req-create-err", result, succeeded: false);
    }

    [Fact]
    public async Task CreateAsync_InactiveAndTheDeactivationFails_CarriesTheDeactivationsRequestId()
    {
        _tiktok.Ok("POST", "/product/202309/products", $$"""{"product_id":"{{Product}}","skus":[{"id":"{{Sku}}","seller_sku":"OCOP-1"}]}""", "req-create");
        _tiktok.Ok("POST", "/product/202309/products/deactivate",
            $$$"""{"errors":[{"code":12019003,"message":"product is frozen","detail":{"product_id":"{{{Product}}}"}}]}""", "req-deactivate");

        var result = Assert.Single(await Client.CreateAsync([Listings.Create("OCOP-1", _tiktok.BaseUrl, active: false)], Ct));

        AssertAnswered("req-deactivate", result, succeeded: false);
        Assert.Equal(Product, result.RemoteId);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UpdateContentAsync_EditedOrRefused_CarriesThePartialEditsRequestId(bool succeeded)
    {
        var path = $"/product/202309/products/{Product}/partial_edit";
        if (succeeded)
        {
            _tiktok.Ok("POST", path, $$"""{"product_id":"{{Product}}"}""", "req-edit");
        }
        else
        {
            Fail("POST", path, 12019001, "description has banned words", "req-edit");
        }

        var result = Assert.Single(await Client.UpdateContentAsync([new ContentUpdate(Product, Listings.Content("OCOP-1", _tiktok.BaseUrl))], Ct));

        AssertAnswered("req-edit", result, succeeded);
    }

    [Theory]
    [InlineData("prices", true)]
    [InlineData("prices", false)]
    [InlineData("inventory", true)]
    [InlineData("inventory", false)]
    public async Task PriceOrStock_UpdatedOrRefused_CarriesTheUpdatesRequestIdNotTheSkuReads(string aspect, bool succeeded)
    {
        var path = $"/product/202309/products/{Product}/{aspect}/update";
        if (succeeded)
        {
            _tiktok.Ok("POST", path, "{}", "req-" + aspect);
        }
        else
        {
            Fail("POST", path, 12052038, "price is locked by a promotion", "req-" + aspect);
        }

        var result = Assert.Single(aspect == "prices"
            ? await Client.UpdatePriceAsync([new PriceUpdate(Product, "OCOP-1", 199_000)], Ct)
            : await Client.UpdateStockAsync([new StockUpdate(Product, "OCOP-1", 7)], Ct));

        AssertAnswered("req-" + aspect, result, succeeded);
    }

    [Fact]
    public async Task UpdatePriceAsync_SkuReadFails_CarriesTheReadsRequestId()
    {
        _tiktok.Reset();
        Fail("GET", $"/product/202309/products/{Product}", 12019022, "product does not exist", "req-get-err");

        var result = Assert.Single(await Client.UpdatePriceAsync([new PriceUpdate(Product, "OCOP-1", 199_000)], Ct));

        AssertAnswered("req-get-err", result, succeeded: false);
    }

    [Theory]
    [InlineData(true, "activate")]
    [InlineData(false, "deactivate")]
    public async Task SetStatusAsync_OneChangedOneFailing_BothCarryTheCallsRequestId(bool active, string endpoint)
    {
        _tiktok.Ok("POST", "/product/202309/products/" + endpoint,
            """{"errors":[{"code":12019003,"message":"product is frozen","detail":{"product_id":"p-2"}}]}""", "req-" + endpoint);

        var results = await Client.SetStatusAsync([new StatusUpdate("p-1", "OCOP-1", active), new StatusUpdate("p-2", "OCOP-2", active)], Ct);

        AssertAnswered("req-" + endpoint, results[0], succeeded: true);
        AssertAnswered("req-" + endpoint, results[1], succeeded: false);
    }

    [Fact]
    public async Task FindBySellerSkuAsync_SearchRefused_TheErrorCarriesItsRequestId()
    {
        Fail("POST", "/product/202309/products/search", 12019001, "filter is invalid", "req-search");

        var error = await Assert.ThrowsAsync<MarketplaceException>(() => Client.FindBySellerSkuAsync(["OCOP-1"], Ct));

        Assert.Equal("req-search", error.Error.RequestId);
    }

    private void Fail(string method, string path, long code, string message, string requestId) =>
        _tiktok.Answer(method, path, 200, $$"""{"code":{{code}},"message":"{{message}}","request_id":"{{requestId}}","data":null}""");

    /// <summary>The result (and its error, if any) names the request that decided it.</summary>
    private static void AssertAnswered(string requestId, ItemResult result, bool succeeded)
    {
        Assert.True(succeeded == result.Succeeded, result.Error?.Message ?? "succeeded");
        Assert.Equal(requestId, result.RequestId);
        if (result.Error is { } error)
        {
            Assert.Equal(requestId, error.RequestId);
        }
    }

    public ValueTask DisposeAsync() => _channel.DisposeAsync();
}
