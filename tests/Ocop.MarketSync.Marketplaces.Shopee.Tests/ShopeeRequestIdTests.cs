using Microsoft.Extensions.Time.Testing;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Shopee.Tests;

/// <summary>
/// Issue 5: Shopee's <c>request_id</c> of the call that answered an item is kept with its result, success or failure,
/// for every operation (the audit trail and support tickets quote it).
/// </summary>
public sealed class ShopeeRequestIdTests : IClassFixture<WireMockShopee>, IAsyncDisposable
{
    private const string Item = "800000001";
    private readonly WireMockShopee _shopee;
    private readonly ShopeeTestChannel _channel;

    public ShopeeRequestIdTests(WireMockShopee shopee)
    {
        _shopee = shopee;
        _shopee.Reset();
        _channel = ShopeeTestChannel.Create(shopee.BaseUrl, "tok-abc", time: new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(WireMockShopee.Timestamp)));
        _shopee.Answer("POST", "/api/v2/media_space/upload_image", WireMockShopee.Ok("""{"image_info":{"image_id":"vn-img-1"}}""", "req-upload"));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IMarketplaceClient Client => _channel.Client;

    [Fact]
    public async Task CreateAsync_Created_CarriesAddItemsRequestId()
    {
        _shopee.Answer("POST", "/api/v2/product/add_item", WireMockShopee.Ok("""{"item_id":800000001}""", "req-add"));

        var result = Assert.Single(await Client.CreateAsync([Listings.Create("OCOP-1", _shopee.BaseUrl)], Ct));

        AssertAnswered("req-add", result, succeeded: true);
    }

    [Fact]
    public async Task CreateAsync_AddItemRefused_CarriesAddItemsRequestId()
    {
        _shopee.Answer("POST", "/api/v2/product/add_item", WireMockShopee.Error("error_param", "Item name contains banned words.", "req-add-err"));

        var result = Assert.Single(await Client.CreateAsync([Listings.Create("OCOP-1", _shopee.BaseUrl)], Ct));

        AssertAnswered("req-add-err", result, succeeded: false);
    }

    [Fact]
    public async Task CreateAsync_ImageUploadRefused_CarriesTheUploadsRequestId()
    {
        _shopee.Reset();
        _shopee.Answer("POST", "/api/v2/media_space/upload_image", WireMockShopee.Error("error_param", "Image is too small.", "req-upload-err"));

        var result = Assert.Single(await Client.CreateAsync([Listings.Create("OCOP-1", _shopee.BaseUrl)], Ct));

        AssertAnswered("req-upload-err", result, succeeded: false);
    }

    [Fact]
    public async Task UpdateContentAsync_Updated_CarriesUpdateItemsRequestId()
    {
        _shopee.Answer("POST", "/api/v2/product/update_item", WireMockShopee.Ok("""{"item_id":800000001}""", "req-edit"));

        var result = Assert.Single(await Client.UpdateContentAsync([new ContentUpdate(Item, Listings.Content("OCOP-1", _shopee.BaseUrl))], Ct));

        AssertAnswered("req-edit", result, succeeded: true);
    }

    [Fact]
    public async Task UpdateContentAsync_Refused_CarriesUpdateItemsRequestId()
    {
        _shopee.Answer("POST", "/api/v2/product/update_item", WireMockShopee.Error("error_item_not_found", "Item not found.", "req-edit-err"));

        var result = Assert.Single(await Client.UpdateContentAsync([new ContentUpdate(Item, Listings.Content("OCOP-1", _shopee.BaseUrl))], Ct));

        AssertAnswered("req-edit-err", result, succeeded: false);
    }

    [Theory]
    [InlineData("update_price", true)]
    [InlineData("update_price", false)]
    [InlineData("update_stock", true)]
    [InlineData("update_stock", false)]
    public async Task PriceOrStock_SuccessOrFailureListEntry_CarriesTheCallsRequestId(string endpoint, bool succeeded)
    {
        _shopee.Answer("POST", "/api/v2/product/" + endpoint, WireMockShopee.Ok(succeeded
            ? """{"success_list":[{"model_id":0}],"failure_list":[]}"""
            : """{"success_list":[],"failure_list":[{"model_id":0,"failed_reason":"Price is out of range."}]}""", "req-" + endpoint));

        var result = Assert.Single(endpoint == "update_price"
            ? await Client.UpdatePriceAsync([new PriceUpdate(Item, "OCOP-1", 199_000)], Ct)
            : await Client.UpdateStockAsync([new StockUpdate(Item, "OCOP-1", 7)], Ct));

        AssertAnswered("req-" + endpoint, result, succeeded);
    }

    [Fact]
    public async Task SetStatusAsync_UnlistAndRelistOneFailing_EveryItemCarriesTheCallsRequestId()
    {
        _shopee.Answer("POST", "/api/v2/product/unlist_item", WireMockShopee.Ok("""
            {"success_list":[{"item_id":800000001,"unlist":true},{"item_id":800000002,"unlist":false}],
             "failure_list":[{"item_id":800000003,"failed_reason":"Item is banned."}]}
            """, "req-unlist"));

        var results = await Client.SetStatusAsync(
        [
            new StatusUpdate(Item, "OCOP-1", Active: false),
            new StatusUpdate("800000002", "OCOP-2", Active: true),
            new StatusUpdate("800000003", "OCOP-3", Active: true),
        ], Ct);

        AssertAnswered("req-unlist", results[0], succeeded: true);
        AssertAnswered("req-unlist", results[1], succeeded: true);
        AssertAnswered("req-unlist", results[2], succeeded: false);
    }

    [Fact]
    public async Task FindBySellerSkuAsync_SearchRefused_TheErrorCarriesItsRequestId()
    {
        _shopee.Answer("GET", "/api/v2/product/search_item", WireMockShopee.Error("error_system_busy", "busy", "req-search"));

        var error = await Assert.ThrowsAsync<MarketplaceException>(() => Client.FindBySellerSkuAsync(["OCOP-1"], Ct));

        Assert.Equal("req-search", error.Error.RequestId);
    }

    [Fact]
    public async Task PageItemsAsync_ListRefused_TheErrorCarriesItsRequestId()
    {
        _shopee.Answer("GET", "/api/v2/product/get_item_list", WireMockShopee.Error("error_permission", "No permission.", "req-list"));

        var error = await Assert.ThrowsAsync<MarketplaceException>(async () => await Client.PageItemsAsync("OCOP-", Ct).ToListAsync(Ct));

        Assert.Equal("req-list", error.Error.RequestId);
    }

    /// <summary>The result (and its error, if any) names the request that answered it.</summary>
    private static void AssertAnswered(string requestId, ItemResult result, bool succeeded)
    {
        Assert.Equal(succeeded, result.Succeeded);
        Assert.Equal(requestId, result.RequestId);
        if (result.Error is { } error)
        {
            Assert.Equal(requestId, error.RequestId);
        }
    }

    public ValueTask DisposeAsync() => _channel.DisposeAsync();
}
