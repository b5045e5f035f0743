using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Tiki.Tests;

/// <summary>The exact requests the adapter sends for each write of the port (method, path, query, headers, JSON body).</summary>
public sealed class TikiClientRequestTests : IClassFixture<WireMockTiki>, IAsyncDisposable
{
    private const string Token = "tiki-access-1";
    private readonly WireMockTiki _tiki;
    private readonly TikiHarness _channel;

    public TikiClientRequestTests(WireMockTiki tiki)
    {
        _tiki = tiki;
        _tiki.Reset();
        _channel = TikiHarness.Create(tiki.BaseUrl, FakeShopTokenSource.For(Token));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAsync_OneListing_PostsAProductRequestAndAnswersWithItsTrackId()
    {
        // Arrange
        _tiki.Answer("POST", "/integration/v2.1/requests", 200, """{"track_id":"trk-9f2","state":"queuing"}""");

        // Act
        var results = await _channel.Client.CreateAsync([Listings.Create("OCOP-1")], Ct);

        // Assert
        Assert.Equal([new ItemResult("OCOP-1") { ReviewTicket = "trk-9f2" }], results);
        var request = Assert.Single(_tiki.Requests);
        Assert.Equal(("POST", "/integration/v2.1/requests", ""), (request.Method, request.Path, request.RawQuery ?? ""));
        WireMockTiki.AssertBearer(request, Token);
        Assert.StartsWith("application/json", request.Headers!["Content-Type"][0], StringComparison.Ordinal);
        WireMockTiki.AssertJsonBody("""
            {"category_id":8322,"name":"Mật ong hoa cà phê Đắk Lắk 500g – OCOP 4★",
             "description":"<p>Mật ong nguyên chất từ vườn cà phê Buôn Ma Thuột.</p>","market_price":185000,
             "attributes":{"brand":"OEM","origin":"Đắk Lắk"},
             "image":"https://cdn.ocop.example.vn/honey-1.jpg","images":["https://cdn.ocop.example.vn/honey-2.jpg"],
             "variants":[{"sku":"OCOP-1","price":185000,"market_price":185000,"inventory_type":"dropship","seller_warehouse":"41",
                          "warehouse_stocks":[{"warehouseId":41,"qtyAvailable":12}],
                          "image":"https://cdn.ocop.example.vn/honey-1.jpg","images":["https://cdn.ocop.example.vn/honey-2.jpg"]}],
             "meta_data":{"is_auto_turn_on":false}}
            """, request);
        // Vietnamese goes out as UTF-8 text, not \u escapes.
        Assert.Contains("Đắk Lắk", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_CategoryNotANumber_IsRejectedWithoutACall()
    {
        var result = Assert.Single(await _channel.Client.CreateAsync([Listings.Create("OCOP-1", category: "honey")], Ct));

        Assert.IsType<MarketplaceError.Rejected>(result.Error);
        Assert.Empty(_tiki.Requests);
    }

    [Fact]
    public async Task UpdateContentAsync_PostsUpdateProductInfoAndAnswersWithTheTicketAndProductId()
    {
        // Arrange
        _tiki.Answer("POST", "/integration/v2/requests/updateProductInfo", 200, """{"track_id":"trk-u1","state":"queuing"}""");

        // Act
        var result = Assert.Single(await _channel.Client.UpdateContentAsync([new ContentUpdate("70001", Listings.Content("OCOP-1"))], Ct));

        // Assert
        Assert.Equal(new ItemResult("OCOP-1", null, "70001") { ReviewTicket = "trk-u1" }, result);
        var request = Assert.Single(_tiki.Requests);
        Assert.Equal(("POST", "/integration/v2/requests/updateProductInfo"), (request.Method, request.Path));
        WireMockTiki.AssertBearer(request, Token);
        WireMockTiki.AssertJsonBody("""
            {"product_id":70001,"name":"Mật ong hoa cà phê Đắk Lắk 500g – OCOP 4★",
             "description":"<p>Mật ong nguyên chất từ vườn cà phê Buôn Ma Thuột.</p>",
             "attributes":{"brand":"OEM","origin":"Đắk Lắk"},
             "image":"https://cdn.ocop.example.vn/honey-1.jpg","images":["https://cdn.ocop.example.vn/honey-2.jpg"]}
            """, request);
    }

    [Fact]
    public async Task UpdatePriceAsync_TwoItems_OneUpdateSkusThenReadsEachBack()
    {
        // Arrange
        _tiki.Answer("PUT", "/integration/v2.1/products/updateSkus", 200, """{"state":"approved"}""");
        _tiki.Answer("GET", "/integration/v2.1/products/70001", 200, WireMockTiki.Product(70001, "OCOP-1", price: 190_000));
        _tiki.Answer("GET", "/integration/v2.1/products/70002", 200, WireMockTiki.Product(70002, "OCOP-2", price: 99_000));

        // Act
        var results = await _channel.Client.UpdatePriceAsync(
            [new PriceUpdate("70001", "OCOP-1", 190_000), new PriceUpdate("70002", "OCOP-2", 99_000)], Ct);

        // Assert
        Assert.Equal(
            [new ItemResult("OCOP-1", null, "70001", "https://tiki.vn/p70001.html"), new ItemResult("OCOP-2", null, "70002", "https://tiki.vn/p70002.html")],
            results);
        var requests = _tiki.Requests;
        Assert.Equal(["PUT /integration/v2.1/products/updateSkus", "GET /integration/v2.1/products/70001", "GET /integration/v2.1/products/70002"],
            requests.Select(r => r.Method + " " + r.Path));
        Assert.All(requests, r => WireMockTiki.AssertBearer(r, Token));
        WireMockTiki.AssertJsonBody("""{"data":[{"product_id":70001,"price":190000},{"product_id":70002,"price":99000}]}""", requests[0]);
        Assert.Equal("inventory", WireMockTiki.Query(requests[1], "include"));
    }

    [Fact]
    public async Task UpdateStockAsync_SendsOnHandQuantityForTheChannelsWarehouse()
    {
        // Arrange
        _tiki.Answer("PUT", "/integration/v2.1/products/updateSkus", 200, """{"state":"approved"}""");
        _tiki.Answer("GET", "/integration/v2.1/products/70001", 200, WireMockTiki.Product(70001, "OCOP-1", quantity: 30));

        // Act
        var result = Assert.Single(await _channel.Client.UpdateStockAsync([new StockUpdate("70001", "OCOP-1", 30)], Ct));

        // Assert
        Assert.True(result.Succeeded, result.Error?.Message);
        WireMockTiki.AssertJsonBody(
            """{"data":[{"product_id":70001,"seller_warehouse":"41","warehouse_quantities":[{"warehouse_id":41,"qty_available":30}]}]}""",
            _tiki.Requests[0]);
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 2)]
    public async Task SetStatusAsync_SendsStatusOneForOnAndTwoForOff(bool active, int status)
    {
        // Arrange
        _tiki.Answer("PUT", "/integration/v2.1/products/updateSkus", 200, """{"state":"approved"}""");
        _tiki.Answer("GET", "/integration/v2.1/products/70001", 200, WireMockTiki.Product(70001, "OCOP-1", active: active ? 1 : 0));

        // Act
        var result = Assert.Single(await _channel.Client.SetStatusAsync([new StatusUpdate("70001", "OCOP-1", active)], Ct));

        // Assert
        Assert.True(result.Succeeded, result.Error?.Message);
        WireMockTiki.AssertJsonBody($$"""{"data":[{"product_id":70001,"status":{{status}}}]}""", _tiki.Requests[0]);
    }

    [Fact]
    public async Task UpdateStockAsync_SuccessButUnchanged_IsTransientNamingBug295()
    {
        // Arrange: Tiki says approved, the product still shows the old quantity.
        _tiki.Answer("PUT", "/integration/v2.1/products/updateSkus", 200, """{"state":"approved"}""");
        _tiki.Answer("GET", "/integration/v2.1/products/70001", 200, WireMockTiki.Product(70001, "OCOP-1", quantity: 5));

        // Act
        var result = Assert.Single(await _channel.Client.UpdateStockAsync([new StockUpdate("70001", "OCOP-1", 30)], Ct));

        // Assert
        var error = Assert.IsType<MarketplaceError.Transient>(result.Error);
        Assert.Contains("#295", error.Message, StringComparison.Ordinal);
        Assert.Contains("quantity 5 (sent 30)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdatePriceAsync_ErrorNamingOneProduct_FailsThatOneAndReadsTheOtherBack()
    {
        // Arrange
        _tiki.Answer("PUT", "/integration/v2.1/products/updateSkus", 400,
            """{"errors":[{"message":"Warehouse 41 not found","meta":{"source":"product_id","id":70002}}]}""");
        _tiki.Answer("GET", "/integration/v2.1/products/70001", 200, WireMockTiki.Product(70001, "OCOP-1", price: 190_000));

        // Act
        var results = await _channel.Client.UpdatePriceAsync(
            [new PriceUpdate("70001", "OCOP-1", 190_000), new PriceUpdate("70002", "OCOP-2", 99_000)], Ct);

        // Assert
        Assert.True(results[0].Succeeded, results[0].Error?.Message);
        var rejected = Assert.IsType<MarketplaceError.Rejected>(results[1].Error);
        Assert.Equal("Tiki HTTP 400: Warehouse 41 not found", rejected.Reason);
        Assert.DoesNotContain(_tiki.Requests, r => r.Path == "/integration/v2.1/products/70002");
    }

    [Fact]
    public async Task UpdatePriceAsync_BatchRefusedWithoutNamingAProduct_SendsEachItemAlone()
    {
        // Arrange: the two-item batch is refused; alone, 70001 goes through and 70002 is the one not permitted.
        _tiki.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/integration/v2.1/products/updateSkus").UsingPut()
                .WithBody(new WireMock.Matchers.JsonMatcher("""{"data":[{"product_id":70001,"price":190000}]}""")))
            .AtPriority(1)
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithBody("""{"state":"approved"}"""));
        _tiki.Answer("PUT", "/integration/v2.1/products/updateSkus", 403, """{"errors":["you do not have permission to update this product"]}""");
        _tiki.Answer("GET", "/integration/v2.1/products/70001", 200, WireMockTiki.Product(70001, "OCOP-1", price: 190_000));

        // Act
        var results = await _channel.Client.UpdatePriceAsync(
            [new PriceUpdate("70001", "OCOP-1", 190_000), new PriceUpdate("70002", "OCOP-2", 99_000)], Ct);

        // Assert
        Assert.True(results[0].Succeeded, results[0].Error?.Message);
        Assert.IsType<MarketplaceError.Rejected>(results[1].Error);
        Assert.Equal(3, _tiki.Requests.Count(r => r.Method == "PUT"));
        WireMockTiki.AssertJsonBody("""{"data":[{"product_id":70002,"price":99000}]}""", _tiki.Requests.Last(r => r.Method == "PUT"));
    }

    public ValueTask DisposeAsync() => _channel.DisposeAsync();
}
