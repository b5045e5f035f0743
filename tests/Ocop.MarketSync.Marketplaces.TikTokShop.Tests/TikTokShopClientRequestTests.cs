using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.TikTokShop.Tests;

/// <summary>The exact requests the adapter sends for each write of the port (method, path, query, signature, headers, body).</summary>
public sealed class TikTokShopClientRequestTests : IClassFixture<WireMockTikTok>, IAsyncDisposable
{
    private const string Token = "ROW_access-1";
    private const string Cipher = "ROW_cipher-42";
    private const string Product = "1729592969712207008";
    private const string Sku = "1729592969712207012";
    private readonly WireMockTikTok _tiktok;
    private readonly TikTokShopHarness _channel;

    public TikTokShopClientRequestTests(WireMockTikTok tiktok)
    {
        _tiktok = tiktok;
        _tiktok.Reset();
        _channel = TikTokShopHarness.Create(tiktok.BaseUrl, FakeShopTokenSource.For(Token, Cipher));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IMarketplaceClient Client => _channel.Client;

    [Fact]
    public async Task CreateAsync_OneListing_UploadsTheImageThenPostsTheProductSigned()
    {
        // Arrange
        _tiktok.Ok("POST", "/product/202309/images/upload", """{"uri":"tos-maliva-i-1/abc","url":"https://p16/abc.jpg","width":800,"height":800}""");
        _tiktok.Ok("POST", "/product/202309/products", $$"""{"product_id":"{{Product}}","skus":[{"id":"{{Sku}}","seller_sku":"OCOP-1"}]}""", "req-create");

        // Act
        var results = await Client.CreateAsync([Listings.Create("OCOP-1", _tiktok.BaseUrl)], Ct);

        // Assert
        Assert.Equal([new ItemResult("OCOP-1", null, Product, $"https://shop.tiktok.com/view/product/{Product}?region=VN") { RequestId = "req-create" }], results);
        var requests = _tiktok.Requests;
        Assert.Equal(["GET /images/honey-1.jpg", "POST /product/202309/images/upload", "POST /product/202309/products"],
            requests.Select(r => r.Method + " " + r.Path));
        var upload = requests[1];
        Assert.StartsWith("multipart/form-data", upload.Headers!["Content-Type"][0], StringComparison.Ordinal);
        var parts = System.Text.Encoding.Latin1.GetString(WireMockTikTok.BodyBytes(upload));
        Assert.Matches("name=\"?use_case\"?\r\n(?:[^\r\n]+\r\n)*\r\nMAIN_IMAGE\r\n", parts);
        Assert.Matches("name=\"?data\"?; filename=\"?honey-1.jpg\"?", parts);
        WireMockTikTok.AssertSigned(upload, Token, Cipher, bodySigned: false);
        var create = requests[2];
        WireMockTikTok.AssertSigned(create, Token, Cipher);
        Assert.StartsWith("application/json", create.Headers!["Content-Type"][0], StringComparison.Ordinal);
        WireMockTikTok.AssertJsonBody($$"""
            {"save_mode":"LISTING","title":"Mật ong hoa cà phê Đắk Lắk 500g – OCOP 4★",
             "description":"<p>Mật ong nguyên chất từ vườn cà phê Buôn Ma Thuột.</p>","category_id":"600001",
             "main_images":[{"uri":"tos-maliva-i-1/abc"}],
             "package_weight":{"value":"0.6","unit":"KILOGRAM"},
             "package_dimensions":{"length":"15","width":"15","height":"10","unit":"CENTIMETER"},
             "product_attributes":[{"id":"100392","values":[{"name":"Đắk Lắk"}]},{"id":"100107","values":[{"name":"730"}]}],
             "skus":[{"seller_sku":"OCOP-1","price":{"amount":"185000","currency":"VND"},
                      "inventory":[{"warehouse_id":"{{TikTokShopHarness.WarehouseId}}","quantity":12}],
                      "identifier_code":{"code":"8938505970012","type":"EAN"},"sales_attributes":[]}]}
            """, create);
        // Vietnamese goes out as UTF-8 text, and those are the bytes that were signed.
        Assert.Contains("Đắk Lắk", create.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_Inactive_CreatesThenDeactivates()
    {
        // Arrange
        _tiktok.Ok("POST", "/product/202309/images/upload", """{"uri":"tos-1/abc"}""");
        _tiktok.Ok("POST", "/product/202309/products", $$"""{"product_id":"{{Product}}","skus":[{"id":"{{Sku}}","seller_sku":"OCOP-1"}]}""");
        _tiktok.Ok("POST", "/product/202309/products/deactivate", """{"errors":[]}""");

        // Act
        var result = Assert.Single(await Client.CreateAsync([Listings.Create("OCOP-1", _tiktok.BaseUrl, active: false)], Ct));

        // Assert
        Assert.True(result.Succeeded);
        var deactivate = _tiktok.Requests[^1];
        Assert.Equal("/product/202309/products/deactivate", deactivate.Path);
        WireMockTikTok.AssertJsonBody($$"""{"product_ids":["{{Product}}"]}""", deactivate);
        WireMockTikTok.AssertSigned(deactivate, Token, Cipher);
    }

    [Fact]
    public async Task UpdateContentAsync_OneItem_PostsPartialEditWithoutCategoryOrSkus()
    {
        // Arrange
        _tiktok.Ok("POST", "/product/202309/images/upload", """{"uri":"tos-1/abc"}""");
        _tiktok.Ok("POST", $"/product/202309/products/{Product}/partial_edit", $$"""{"product_id":"{{Product}}"}""");

        // Act
        var results = await Client.UpdateContentAsync([new ContentUpdate(Product, Listings.Content("OCOP-1", _tiktok.BaseUrl) with { WeightGrams = null })], Ct);

        // Assert
        Assert.True(Assert.Single(results).Succeeded);
        var edit = _tiktok.Requests[^1];
        Assert.Equal(("POST", $"/product/202309/products/{Product}/partial_edit"), (edit.Method, edit.Path));
        WireMockTikTok.AssertSigned(edit, Token, Cipher);
        WireMockTikTok.AssertJsonBody("""
            {"title":"Mật ong hoa cà phê Đắk Lắk 500g – OCOP 4★","description":"<p>Mật ong nguyên chất từ vườn cà phê Buôn Ma Thuột.</p>",
             "main_images":[{"uri":"tos-1/abc"}],"package_weight":{"value":"0.5","unit":"KILOGRAM"},
             "product_attributes":[{"id":"100392","values":[{"name":"Đắk Lắk"}]},{"id":"100107","values":[{"name":"730"}]}]}
            """, edit);
    }

    [Fact]
    public async Task UpdatePriceAsync_UnknownSkuId_ReadsTheProductThenPostsWholeDong()
    {
        // Arrange
        _tiktok.Ok("GET", $"/product/202309/products/{Product}", $$"""{"id":"{{Product}}","skus":[{"id":"{{Sku}}","seller_sku":"OCOP-1"}]}""");
        _tiktok.Ok("POST", $"/product/202309/products/{Product}/prices/update", "{}");

        // Act
        var results = await Client.UpdatePriceAsync([new PriceUpdate(Product, "OCOP-1", 1_250_000)], Ct);

        // Assert
        Assert.True(Assert.Single(results).Succeeded);
        var (get, update) = (_tiktok.Requests[0], _tiktok.Requests[1]);
        Assert.Equal(("GET", $"/product/202309/products/{Product}"), (get.Method, get.Path));
        WireMockTikTok.AssertSigned(get, Token, Cipher);
        Assert.Equal(("POST", $"/product/202309/products/{Product}/prices/update"), (update.Method, update.Path));
        WireMockTikTok.AssertSigned(update, Token, Cipher);
        WireMockTikTok.AssertJsonBody($$$"""{"skus":[{"id":"{{{Sku}}}","price":{"amount":"1250000","currency":"VND"}}]}""", update);
    }

    [Fact]
    public async Task UpdateStockAsync_TwoUpdatesOfOneProduct_ReadsTheSkuIdOnceAndPostsTheWarehouse()
    {
        // Arrange
        _tiktok.Ok("GET", $"/product/202309/products/{Product}", $$"""{"id":"{{Product}}","skus":[{"id":"{{Sku}}","seller_sku":"OCOP-1"}]}""");
        _tiktok.Ok("POST", $"/product/202309/products/{Product}/inventory/update", "{}");

        // Act
        var results = await Client.UpdateStockAsync([new StockUpdate(Product, "OCOP-1", 0), new StockUpdate(Product, "OCOP-1", 7)], Ct);

        // Assert
        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(["GET", "POST", "POST"], _tiktok.Requests.Select(r => r.Method));
        WireMockTikTok.AssertSigned(_tiktok.Requests[2], Token, Cipher);
        WireMockTikTok.AssertJsonBody($$$"""{"skus":[{"id":"{{{Sku}}}","inventory":[{"warehouse_id":"{{{TikTokShopHarness.WarehouseId}}}","quantity":7}]}]}""",
            _tiktok.Requests[2]);
    }

    [Fact]
    public async Task UpdateStockAsync_AboveTikTokMaximum_IsRejectedWithoutACall()
    {
        var result = Assert.Single(await Client.UpdateStockAsync([new StockUpdate(Product, "OCOP-1", 100_000)], Ct));

        Assert.IsType<MarketplaceError.Rejected>(result.Error);
        Assert.Empty(_tiktok.Requests);
    }

    [Fact]
    public async Task SetStatusAsync_TwentyOneDelistsAndARelist_SplitsByTwentyAndMapsPerItemErrors()
    {
        // Arrange: the second product of the first call fails on its own.
        _tiktok.Ok("POST", "/product/202309/products/deactivate",
            """{"errors":[{"code":12019003,"message":"product is frozen","detail":{"product_id":"p-01"}}]}""", "req-deactivate");
        _tiktok.Ok("POST", "/product/202309/products/activate", """{"errors":[]}""");
        var items = Enumerable.Range(0, 21).Select(i => new StatusUpdate($"p-{i:D2}", $"OCOP-{i}", false)).Prepend(new StatusUpdate("p-x", "OCOP-X", true)).ToList();

        // Act
        var results = await Client.SetStatusAsync(items, Ct);

        // Assert
        Assert.Equal(items.Select(i => i.SellerSku), results.Select(r => r.SellerSku));
        var failed = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal(("OCOP-1", "req-deactivate"), (failed.SellerSku, failed.Error!.RequestId));
        Assert.IsType<MarketplaceError.Rejected>(failed.Error);
        var calls = _tiktok.Requests;
        Assert.Equal(["/product/202309/products/activate", "/product/202309/products/deactivate", "/product/202309/products/deactivate"],
            calls.Select(r => r.Path));
        WireMockTikTok.AssertJsonBody("""{"product_ids":["p-x"]}""", calls[0]);
        WireMockTikTok.AssertJsonBody($$"""{"product_ids":[{{string.Join(",", Enumerable.Range(0, 20).Select(i => $"\"p-{i:D2}\""))}}]}""", calls[1]);
        WireMockTikTok.AssertJsonBody("""{"product_ids":["p-20"]}""", calls[2]);
        Assert.All(calls, c => WireMockTikTok.AssertSigned(c, Token, Cipher));
    }

    public ValueTask DisposeAsync() => _channel.DisposeAsync();
}
