using Microsoft.Extensions.Time.Testing;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Shopee.Tests;

/// <summary>The exact request the adapter sends for each operation of the port (method, path, query, sign, body), and how it reads the answer.</summary>
public sealed class ShopeeRequestTests : IClassFixture<WireMockShopee>, IAsyncDisposable
{
    private const string Token = "tok-abc";
    private readonly WireMockShopee _shopee;
    private readonly ShopeeTestChannel _channel;

    public ShopeeRequestTests(WireMockShopee shopee)
    {
        _shopee = shopee;
        _shopee.Reset();
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(WireMockShopee.Timestamp));
        _channel = ShopeeTestChannel.Create(shopee.BaseUrl, Token, new Dictionary<string, string?>
        {
            [ShopeeTestChannel.Key("Shopee:ReconcileSince")] = "2025-11-20T00:00:00Z",
        }, time);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IMarketplaceClient Client => _channel.Client;

    [Fact]
    public async Task CreateAsync_OneListing_UploadsTheImageThenAddsTheItemWithEveryRequiredField()
    {
        _shopee.Answer("POST", "/api/v2/media_space/upload_image", WireMockShopee.Ok("""{"image_info":{"image_id":"vn-img-1"}}"""));
        _shopee.Answer("POST", "/api/v2/product/add_item", WireMockShopee.Ok("""{"item_id":800000001}""", "req-add"));

        var results = await Client.CreateAsync([Listings.Create("OCOP-1", _shopee.BaseUrl)], Ct);

        Assert.Equal([new ItemResult("OCOP-1", null, "800000001", "https://shopee.vn/product/322300222/800000001") { RequestId = "req-add" }], results);
        var (upload, add) = (_shopee.ShopeeRequests[0], _shopee.ShopeeRequests[1]);
        Assert.Equal(2, _shopee.ShopeeRequests.Count);
        Assert.Equal("POST", upload.Method);
        WireMockShopee.AssertSigned(upload, accessToken: null);
        Assert.StartsWith("multipart/form-data", upload.Headers!["Content-Type"][0], StringComparison.Ordinal);
        var multipart = upload.Body ?? System.Text.Encoding.UTF8.GetString(upload.BodyAsBytes!);
        Assert.Contains("name=image", multipart, StringComparison.Ordinal);
        Assert.Contains("honey-1.jpg", multipart, StringComparison.Ordinal);
        Assert.Equal(("POST", "/api/v2/product/add_item"), (add.Method, add.Path));
        WireMockShopee.AssertSigned(add, Token);
        Assert.Empty(WireMockShopee.BusinessQuery(add));
        WireMockShopee.AssertJsonBody("""
            {"item_name":"Mật ong hoa cà phê Đắk Lắk – OCOP 4★",
             "description":"Mật ong nguyên chất từ vườn cà phê Buôn Ma Thuột, thu hoạch tháng Ba.",
             "item_sku":"OCOP-1","category_id":100629,"original_price":185000,"weight":0.6,
             "image":{"image_id_list":["vn-img-1"]},
             "brand":{"brand_id":0,"original_brand_name":"No Brand"},
             "logistic_info":[{"logistic_id":50018,"enabled":true}],
             "attribute_list":[
               {"attribute_id":100037,"attribute_value_list":[{"value_id":0,"original_value_name":"Đắk Lắk"}]},
               {"attribute_id":100095,"attribute_value_list":[{"value_id":0,"original_value_name":"730"}]}],
             "seller_stock":[{"stock":12}],"condition":"NEW","item_status":"NORMAL","gtin":"8938505970012"}
            """, add);
        Assert.Contains("Đắk Lắk", add.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_MissingMandatoryAttribute_IsRejectedWithoutAnyCall()
    {
        var listing = Listings.Create("OCOP-2", _shopee.BaseUrl);
        listing = listing with { Content = listing.Content with { Attributes = new Dictionary<string, string> { ["shelfLifeDays"] = "365" } } };

        var result = Assert.Single(await Client.CreateAsync([listing], Ct));

        Assert.Contains("origin.province", Assert.IsType<MarketplaceError.Rejected>(result.Error).Message, StringComparison.Ordinal);
        Assert.Empty(_shopee.ShopeeRequests);
    }

    [Fact]
    public async Task CreateAsync_CategoryRequiresShelfLife_ListingWithoutItIsRejectedOthersAreNot()
    {
        await using var channel = ShopeeTestChannel.Create(_shopee.BaseUrl, Token, new Dictionary<string, string?>
        {
            [ShopeeTestChannel.Key("Shopee:RequiredAttributesByCategory:100629:0")] = "shelfLifeDays",
        });
        var honey = Listings.Create("OCOP-3", _shopee.BaseUrl);
        honey = honey with { Content = honey.Content with { Attributes = new Dictionary<string, string> { ["origin.province"] = "Hà Giang" } } };
        var craft = honey with { Content = honey.Content with { SellerSku = "OCOP-4", CategoryId = "100712" } };
        _shopee.Answer("POST", "/api/v2/media_space/upload_image", WireMockShopee.Ok("""{"image_info":{"image_id":"vn-img-4"}}"""));
        _shopee.Answer("POST", "/api/v2/product/add_item", WireMockShopee.Ok("""{"item_id":800000004}"""));

        var results = await channel.Client.CreateAsync([honey, craft], Ct);

        Assert.Contains("shelfLifeDays", Assert.IsType<MarketplaceError.Rejected>(results[0].Error).Message, StringComparison.Ordinal);
        Assert.True(results[1].Succeeded, results[1].Error?.Message);
        Assert.Equal(2, _shopee.ShopeeRequests.Count);
    }

    [Fact]
    public async Task UpdateContentAsync_OneItem_PostsUpdateItemWithTheItemIdAndNoPriceOrStock()
    {
        _shopee.Answer("POST", "/api/v2/media_space/upload_image", WireMockShopee.Ok("""{"image_info":{"image_id":"vn-img-2"}}"""));
        _shopee.Answer("POST", "/api/v2/product/update_item", WireMockShopee.Ok("""{"item_id":800000001}"""));

        var result = Assert.Single(await Client.UpdateContentAsync(
            [new ContentUpdate("800000001", Listings.Content("OCOP-1", _shopee.BaseUrl, "Mật ong rừng U Minh – OCOP 5★") with { Gtin = null })], Ct));

        Assert.True(result.Succeeded, result.Error?.Message);
        var update = _shopee.ShopeeRequests[^1];
        Assert.Equal(("POST", "/api/v2/product/update_item"), (update.Method, update.Path));
        WireMockShopee.AssertSigned(update, Token);
        WireMockShopee.AssertJsonBody("""
            {"item_id":800000001,"item_name":"Mật ong rừng U Minh – OCOP 5★",
             "description":"Mật ong nguyên chất từ vườn cà phê Buôn Ma Thuột, thu hoạch tháng Ba.",
             "item_sku":"OCOP-1","category_id":100629,"weight":0.6,"image":{"image_id_list":["vn-img-2"]},
             "attribute_list":[
               {"attribute_id":100037,"attribute_value_list":[{"value_id":0,"original_value_name":"Đắk Lắk"}]},
               {"attribute_id":100095,"attribute_value_list":[{"value_id":0,"original_value_name":"730"}]}]}
            """, update);
    }

    [Fact]
    public async Task UpdatePriceAsync_OneItem_PostsModelZeroWithWholeDong()
    {
        _shopee.Answer("POST", "/api/v2/product/update_price", WireMockShopee.Ok("""{"success_list":[{"model_id":0,"original_price":199000}],"failure_list":[]}"""));

        var result = Assert.Single(await Client.UpdatePriceAsync([new PriceUpdate("800000001", "OCOP-1", 199_000)], Ct));

        Assert.Equal(new ItemResult("OCOP-1", null, "800000001", "https://shopee.vn/product/322300222/800000001") { RequestId = "req-1" }, result);
        var request = Assert.Single(_shopee.ShopeeRequests);
        Assert.Equal(("POST", "/api/v2/product/update_price"), (request.Method, request.Path));
        WireMockShopee.AssertSigned(request, Token);
        WireMockShopee.AssertJsonBody("""{"item_id":800000001,"price_list":[{"model_id":0,"original_price":199000}]}""", request);
    }

    [Fact]
    public async Task UpdateStockAsync_FailureListEntry_IsThatItemsRejectionWithTheRequestId()
    {
        _shopee.Answer("POST", "/api/v2/product/update_stock", WireMockShopee.Ok(
            """{"success_list":[],"failure_list":[{"model_id":0,"failed_reason":"Stock should be larger than reserved stock."}]}""", "req-stock"));

        var result = Assert.Single(await Client.UpdateStockAsync([new StockUpdate("800000001", "OCOP-1", 3)], Ct));

        var error = Assert.IsType<MarketplaceError.Rejected>(result.Error);
        Assert.Equal("req-stock", error.RequestId);
        var request = Assert.Single(_shopee.ShopeeRequests);
        Assert.Equal(("POST", "/api/v2/product/update_stock"), (request.Method, request.Path));
        WireMockShopee.AssertSigned(request, Token);
        WireMockShopee.AssertJsonBody("""{"item_id":800000001,"stock_list":[{"model_id":0,"seller_stock":[{"stock":3}]}]}""", request);
    }

    [Fact]
    public async Task SetStatusAsync_TwoItemsOneFailing_OneUnlistCallAndAResultPerItem()
    {
        _shopee.Answer("POST", "/api/v2/product/unlist_item", WireMockShopee.Ok(
            """{"success_list":[{"item_id":800000001,"unlist":true}],"failure_list":[{"item_id":800000002,"failed_reason":"Item not found."}]}"""));

        var results = await Client.SetStatusAsync(
            [new StatusUpdate("800000001", "OCOP-1", Active: false), new StatusUpdate("800000002", "OCOP-2", Active: true)], Ct);

        Assert.True(results[0].Succeeded);
        Assert.IsType<MarketplaceError.NotFound>(results[1].Error);
        var request = Assert.Single(_shopee.ShopeeRequests);
        WireMockShopee.AssertSigned(request, Token);
        WireMockShopee.AssertJsonBody(
            """{"item_list":[{"item_id":800000001,"unlist":true},{"item_id":800000002,"unlist":false}]}""", request);
    }

    [Fact]
    public async Task FindBySellerSkuAsync_LooseSearchMatch_SearchesBySkuReadsDetailsAndKeepsExactSkusOnly()
    {
        _shopee.Answer("GET", "/api/v2/product/search_item", WireMockShopee.Ok("""{"item_id_list":[800000001,800000009],"total_count":2,"next_offset":""}"""));
        _shopee.Answer("GET", "/api/v2/product/get_item_base_info", WireMockShopee.Ok("""
            {"item_list":[
              {"item_id":800000001,"item_name":"Mật ong","item_sku":"OCOP-1","item_status":"NORMAL","update_time":1764300000,
               "has_model":false,"price_info":[{"original_price":185000,"current_price":185000}],"stock_info_v2":{"seller_stock":[{"stock":12}]}},
              {"item_id":800000009,"item_name":"Khác","item_sku":"OCOP-10","item_status":"NORMAL","update_time":1764300000}]}
            """, requestId: "req-details"));

        var found = await Client.FindBySellerSkuAsync(["OCOP-1"], Ct);

        var item = Assert.Single(found);
        Assert.Equal(new RemoteItem("800000001", "OCOP-1", "https://shopee.vn/product/322300222/800000001", "Mật ong", 185_000, 12,
            Active: true, Banned: false, DateTimeOffset.FromUnixTimeSeconds(1764300000)) { RequestId = "req-details" }, item);
        var (search, details) = (_shopee.ShopeeRequests[0], _shopee.ShopeeRequests[1]);
        Assert.Equal(("GET", "/api/v2/product/search_item"), (search.Method, search.Path));
        WireMockShopee.AssertSigned(search, Token);
        Assert.Equal(new Dictionary<string, string> { ["item_sku"] = "OCOP-1", ["offset"] = "", ["page_size"] = "100" }, WireMockShopee.BusinessQuery(search));
        Assert.Equal(("GET", "/api/v2/product/get_item_base_info"), (details.Method, details.Path));
        Assert.Equal("800000001,800000009", WireMockShopee.BusinessQuery(details)["item_id_list"]);
    }

    [Fact]
    public async Task FindBySellerSkuAsync_SkuNeedingEscaping_ArrivesIntactAndTheSignIsUnchangedByIt()
    {
        const string Sku = "OCOP HY&MO/500 Đặc biệt+1";
        _shopee.Answer("GET", "/api/v2/product/search_item", WireMockShopee.Ok("""{"item_id_list":[],"total_count":0,"next_offset":""}"""));

        Assert.Empty(await Client.FindBySellerSkuAsync([Sku], Ct));

        var search = Assert.Single(_shopee.ShopeeRequests);
        WireMockShopee.AssertSigned(search, Token);
        Assert.Equal(Sku, WireMockShopee.BusinessQuery(search)["item_sku"]);
    }

    [Fact]
    public async Task PageItemsAsync_OneWindow_ListsByUpdateTimeWindowAndStatuses()
    {
        _shopee.Answer("GET", "/api/v2/product/get_item_list", WireMockShopee.Ok(
            """{"item":[{"item_id":800000001,"item_status":"UNLIST","update_time":1764300000}],"total_count":1,"has_next_page":false,"next_offset":1}"""));
        _shopee.Answer("GET", "/api/v2/product/get_item_base_info", WireMockShopee.Ok(
            """{"item_list":[{"item_id":800000001,"item_name":"Mật ong","item_sku":"OCOP-1","item_status":"UNLIST","update_time":1764300000}]}"""));

        var items = await Client.PageItemsAsync("OCOP-", Ct).ToListAsync(Ct);

        Assert.False(Assert.Single(items).Active);
        var list = _shopee.ShopeeRequests[0];
        Assert.Equal(("GET", "/api/v2/product/get_item_list"), (list.Method, list.Path));
        WireMockShopee.AssertSigned(list, Token);
        var since = DateTimeOffset.Parse("2025-11-20T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds();
        Assert.Equal(new Dictionary<string, string>
        {
            ["offset"] = "0",
            ["page_size"] = "50",
            ["item_status"] = "NORMAL,UNLIST,BANNED,REVIEWING",
            ["update_time_from"] = since.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["update_time_to"] = (since + (15 * 86400) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, WireMockShopee.BusinessQuery(list));
        Assert.Equal(2, _shopee.ShopeeRequests.Count);
    }

    public ValueTask DisposeAsync() => _channel.DisposeAsync();
}
