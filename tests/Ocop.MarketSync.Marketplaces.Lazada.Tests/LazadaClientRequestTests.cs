using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Ocop.MarketSync.Sync.Marketplaces;
using WireMock;

namespace Ocop.MarketSync.Marketplaces.Lazada.Tests;

/// <summary>The exact requests the Lazada adapter sends for each operation (method, path, parameters, signature, body).</summary>
public sealed class LazadaClientRequestTests : IClassFixture<LazadaWireMock>, IAsyncDisposable
{
    private const string OkId = "0ba2887315178178017221014";
    private const string Ok = $$"""{"code":"0","request_id":"{{OkId}}"}""";
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 7, 30, 0, TimeSpan.Zero);
    private readonly LazadaWireMock _lazada;
    private readonly LazadaHarness _channel;

    public LazadaClientRequestTests(LazadaWireMock lazada)
    {
        _lazada = lazada;
        _lazada.Reset();
        _channel = LazadaHarness.Create(lazada.Gateway, new FakeTimeProvider(Now));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAsync_OneListing_MigratesForeignImagesThenPostsTheSignedProduct()
    {
        // Arrange
        _lazada.Answer("/image/migrate", """{"code":"0","data":{"image":{"url":"https://vn-live-01.slatic.net/p/abc.jpg","hash_code":"abc"}},"request_id":"r1"}""");
        _lazada.Answer("/product/create", """{"code":"0","data":{"item_id":2345678901,"sku_list":[{"seller_sku":"OCOP-1","shop_sku":"x","sku_id":9876543210}]},"request_id":"r2"}""");

        // Act
        var results = await _channel.Client.CreateAsync([Listings.Create("OCOP-1")], Ct);

        // Assert
        Assert.Equal([new ItemResult("OCOP-1", null, "2345678901:9876543210") { RequestId = "r2" }], results);
        Assert.Equal(["/rest/image/migrate", "/rest/product/create"], _lazada.Requests.Select(r => r.Path));
        var migrate = AssertSigned(_lazada.Requests[0], "/image/migrate", "payload");
        Assert.Equal("<Request><Image><Url>https://img.example/honey-1.jpg</Url></Image></Request>", migrate["payload"]);
        var create = AssertSigned(_lazada.Requests[1], "/product/create", "payload");
        LazadaWireMock.AssertJson("""
            {"Request":{"Product":{"PrimaryCategory":"10002019",
              "Images":{"Image":["https://vn-live-01.slatic.net/p/abc.jpg","https://vn-live-01.slatic.net/p/hosted-2.jpg"]},
              "Attributes":{"name":"Mật ong hoa cà phê Đắk Lắk – OCOP 4★","description":"Mật ong nguyên chất từ vườn cà phê Buôn Ma Thuột.",
                "brand":"No Brand","country_origin_vn":"Đắk Lắk","shelf_life":"730"},
              "Skus":{"Sku":[{"package_weight":"0.6","package_length":"20","package_width":"15","package_height":"10",
                "SellerSku":"OCOP-1","quantity":"12","price":"185000","delivery_option_economy":"Yes"}]}}}}
            """, create["payload"]);
        Assert.Contains("Đắk Lắk", create["payload"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_InactiveListing_DeactivatesTheNewItemBySkuId()
    {
        // Arrange
        _lazada.Answer("/image/migrate", """{"code":"0","data":{"image":{"url":"https://vn-live-01.slatic.net/p/abc.jpg"}}}""");
        _lazada.Answer("/product/create", """{"code":"0","data":{"item_id":11,"sku_list":[{"seller_sku":"OCOP-1","sku_id":22}]}}""");
        _lazada.Answer("/product/deactivate", Ok);

        // Act
        var results = await _channel.Client.CreateAsync([Listings.Create("OCOP-1", active: false)], Ct);

        // Assert
        Assert.Equal([new ItemResult("OCOP-1", null, "11:22")], results);
        var deactivate = AssertSigned(_lazada.Requests[^1], "/product/deactivate", "apiRequestBody");
        Assert.Equal("<Request><Product><ItemId>11</ItemId><Skus><Sku><SkuId>22</SkuId></Sku></Skus></Product></Request>", deactivate["apiRequestBody"]);
    }

    [Fact]
    public async Task UpdateContentAsync_OneItem_PostsItemIdSkuIdAndContent()
    {
        // Arrange
        _lazada.Answer("/image/migrate", """{"code":"0","data":{"image":{"url":"https://vn-live-01.slatic.net/p/abc.jpg"}}}""");
        _lazada.Answer("/product/update", Ok);

        // Act
        var results = await _channel.Client.UpdateContentAsync([new ContentUpdate("11:22", Listings.Content("OCOP-1", "Trà shan tuyết Hà Giang"))], Ct);

        // Assert
        Assert.Equal([new ItemResult("OCOP-1", null, "11:22") { RequestId = OkId }], results);
        var update = AssertSigned(_lazada.Requests[^1], "/product/update", "payload");
        LazadaWireMock.AssertJson("""
            {"Request":{"Product":{"ItemId":"11","PrimaryCategory":"10002019",
              "Images":{"Image":["https://vn-live-01.slatic.net/p/abc.jpg","https://vn-live-01.slatic.net/p/hosted-2.jpg"]},
              "Attributes":{"name":"Trà shan tuyết Hà Giang","description":"Mật ong nguyên chất từ vườn cà phê Buôn Ma Thuột.",
                "brand":"No Brand","country_origin_vn":"Đắk Lắk","shelf_life":"730"},
              "Skus":{"Sku":[{"package_weight":"0.6","package_length":"20","package_width":"15","package_height":"10",
                "SkuId":"22","SellerSku":"OCOP-1"}]}}}}
            """, update["payload"]);
    }

    [Fact]
    public async Task UpdatePriceAsync_TwoItems_PostsOneXmlPayloadWithWholeDong()
    {
        // Arrange
        _lazada.Answer("/product/price_quantity/update", Ok);

        // Act
        var results = await _channel.Client.UpdatePriceAsync([new PriceUpdate("11:22", "OCOP-1", 185_000), new PriceUpdate("33:44", "OCOP-2", 99_000)], Ct);

        // Assert
        Assert.Equal([new ItemResult("OCOP-1", null, "11:22") { RequestId = OkId }, new ItemResult("OCOP-2", null, "33:44") { RequestId = OkId }], results);
        var form = AssertSigned(Assert.Single(_lazada.Requests), "/product/price_quantity/update", "payload");
        Assert.Equal("<Request><Product><Skus>"
            + "<Sku><ItemId>11</ItemId><SkuId>22</SkuId><SellerSku>OCOP-1</SellerSku><Price>185000</Price></Sku>"
            + "<Sku><ItemId>33</ItemId><SkuId>44</SkuId><SellerSku>OCOP-2</SellerSku><Price>99000</Price></Sku>"
            + "</Skus></Product></Request>", form["payload"]);
    }

    [Fact]
    public async Task UpdateStockAsync_MoreItemsThanTheBatch_SendsAbsoluteSellableStockInChunksOf20()
    {
        // Arrange
        _lazada.Answer("/product/stock/sellable/update", Ok);
        var items = Enumerable.Range(1, 21).Select(i => new StockUpdate($"{i}:{i * 10}", $"OCOP-{i}", i)).ToList();

        // Act
        var results = await _channel.Client.UpdateStockAsync(items, Ct);

        // Assert
        Assert.Equal(items.Select(i => new ItemResult(i.SellerSku, null, i.RemoteId) { RequestId = OkId }), results);
        Assert.Equal(2, _lazada.Requests.Count);
        var last = AssertSigned(_lazada.Requests[1], "/product/stock/sellable/update", "payload");
        Assert.Equal("<Request><Product><Skus><Sku><ItemId>21</ItemId><SkuId>210</SkuId><SellerSku>OCOP-21</SellerSku>"
            + "<SellableQuantity>21</SellableQuantity></Sku></Skus></Product></Request>", last["payload"]);
    }

    [Fact]
    public async Task SetStatusAsync_Relist_UpdatesTheSkuStatusToActive()
    {
        // Arrange
        _lazada.Answer("/product/update", Ok);

        // Act
        var results = await _channel.Client.SetStatusAsync([new StatusUpdate("11:22", "OCOP-1", true)], Ct);

        // Assert
        Assert.Equal([new ItemResult("OCOP-1", null, "11:22") { RequestId = OkId }], results);
        var form = AssertSigned(Assert.Single(_lazada.Requests), "/product/update", "payload");
        LazadaWireMock.AssertJson("""{"Request":{"Product":{"ItemId":"11","Skus":{"Sku":[{"SkuId":"22","SellerSku":"OCOP-1","Status":"active"}]}}}}""", form["payload"]);
    }

    [Fact]
    public async Task FindBySellerSkuAsync_TwoSkus_GetsWithAJsonSkuListAndKeepsExactMatchesOnly()
    {
        // Arrange
        _lazada.Answer("/products/get", """
            {"code":"0","request_id":"r","data":{"total_products":2,"products":[
              {"item_id":11,"status":"active","updated_time":"1764401400000","attributes":{"name":"Mật ong"},
               "skus":[{"SkuId":22,"SellerSku":"OCOP-1","price":185000.00,"quantity":7,"Status":"active","Url":"https://www.lazada.vn/products/i11-s22.html"}]},
              {"item_id":12,"status":"active","updated_time":"1764401400000","attributes":{"name":"Khác"},
               "skus":[{"SkuId":23,"SellerSku":"OCOP-1-OLD","price":1,"quantity":1,"Status":"active"}]}]}}
            """);

        // Act
        var found = await _channel.Client.FindBySellerSkuAsync(["OCOP-1", "OCOP-2"], Ct);

        // Assert
        Assert.Equal([new RemoteItem("11:22", "OCOP-1", "https://www.lazada.vn/products/i11-s22.html", "Mật ong", 185_000, 7, true, false,
            DateTimeOffset.FromUnixTimeMilliseconds(1764401400000)) { RequestId = "r" }], found);
        var request = Assert.Single(_lazada.Requests);
        Assert.Equal("GET", request.Method);
        var query = AssertSigned(request, "/products/get", "filter", "limit", "sku_seller_list");
        Assert.Equal(("all", "50", """["OCOP-1","OCOP-2"]"""), (query["filter"], query["limit"], query["sku_seller_list"]));
        Assert.Null(request.Body);
    }

    [Fact]
    public async Task PageItemsAsync_TwoPages_WalksOffsetsWithinTheUpdateWindowAndFiltersThePrefix()
    {
        // Arrange
        _lazada.AnswerInSequence("/products/get", Page(total: 51, first: 1, count: 50), Page(total: 51, first: 51, count: 1));

        // Act
        var items = new List<RemoteItem>();
        await foreach (var item in _channel.Client.PageItemsAsync("OCOP-", Ct))
        {
            items.Add(item);
        }

        // Assert: the non-OCOP SKUs (every tenth) are left out.
        Assert.Equal(Enumerable.Range(1, 51).Where(i => i % 10 != 0).Select(i => $"OCOP-{i}"), items.Select(i => i.SellerSku));
        Assert.Equal(2, _lazada.Requests.Count);
        var first = AssertSigned(_lazada.Requests[0], "/products/get", "filter", "limit", "update_after", "update_before");
        Assert.Equal(("2012-01-01T00:00:00+00:00", "2026-11-29T07:31:00+00:00"), (first["update_after"], first["update_before"]));
        var second = AssertSigned(_lazada.Requests[1], "/products/get", "filter", "limit", "offset", "update_after", "update_before");
        Assert.Equal("50", second["offset"]);
    }

    private static string Page(int total, int first, int count) => "{\"code\":\"0\",\"data\":{\"total_products\":" + total.ToString(CultureInfo.InvariantCulture)
        + ",\"products\":[" + string.Join(",", Enumerable.Range(first, count).Select(i => string.Create(CultureInfo.InvariantCulture,
            $$"""{"item_id":{{i}},"status":"active","updated_time":"1764401400000","attributes":{"name":"SP {{i}}"},"skus":[{"SkuId":{{i * 10}},"SellerSku":"{{(i % 10 == 0 ? "OTHER" : "OCOP")}}-{{i}}","price":1000,"quantity":1,"Status":"active"}]}"""))) + "]}}";

    /// <summary>
    /// The request carries exactly the business parameters named plus app_key, sign_method, the fake clock's
    /// millisecond timestamp and the access token, and its sign is the reference signature of what was sent.
    /// POSTs send everything in a form body and nothing in the URL.
    /// </summary>
    private static Dictionary<string, string> AssertSigned(IRequestMessage request, string apiPath, params string[] business)
    {
        Assert.Equal("/rest" + apiPath, request.Path);
        var sent = FormRequest.Parameters(request);
        Assert.Equal(new[] { "access_token", "app_key", "sign", "sign_method", "timestamp" }.Concat(business).Order(StringComparer.Ordinal), sent.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((LazadaHarness.AppKey, "sha256", "access-1"), (sent["app_key"], sent["sign_method"], sent["access_token"]));
        Assert.Equal(Now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), sent["timestamp"]);
        Assert.Equal(FormRequest.ReferenceSign(apiPath, sent, LazadaHarness.AppSecret), sent["sign"]);
        if (request.Method == "POST")
        {
            Assert.StartsWith("application/x-www-form-urlencoded", request.Headers!["Content-Type"][0], StringComparison.Ordinal);
            Assert.True(string.IsNullOrEmpty(new Uri(request.Url).Query), $"POST put parameters in the URL: {request.Url}");
        }

        return sent;
    }

    public ValueTask DisposeAsync() => _channel.DisposeAsync();
}
