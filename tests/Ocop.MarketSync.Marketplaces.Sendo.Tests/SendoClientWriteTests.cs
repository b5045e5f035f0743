using System.Text.Json.Nodes;

namespace Ocop.MarketSync.Marketplaces.Sendo.Tests;

/// <summary>What the client sends for creates and whole-product updates, byte for byte as JSON, and what it makes of the answers.</summary>
public sealed class SendoClientWriteTests(WireMockSendo sendo) : IClassFixture<WireMockSendo>
{
    private const string Token = "eyJhbGciOiJIUzI1NiJ9.e30.token-1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static string CreatedBody(string sku, long price = 185_000, int stock = 12, bool available = true) => $$"""
        {"id":0,"sku":"{{sku}}","is_config_variant":false,"variants":[],
         "name":"Mật ong hoa cà phê Đắk Lắk 500g – OCOP 4★","description":{{JsonValue.Create(Listings.Description).ToJsonString()}},
         "cat_4_id":2051,"weight":600,"unit_id":1,
         "avatar":{"picture_url":"https://cdn.example.vn/ocop/honey-1.jpg"},
         "pictures":[{"picture_url":"https://cdn.example.vn/ocop/honey-1.jpg"},{"picture_url":"https://cdn.example.vn/ocop/honey-2.jpg"}],
         "price":{{price}},"stock_quantity":{{stock}},"stock_availability":{{(available ? "true" : "false")}}}
        """;

    /// <summary>A product as Sendo reads it back, with a field this adapter does not know (voucher) that must survive an update.</summary>
    internal static string Product(long id, string sku, int status = 2, long price = 185_000, int stock = 12, bool available = true) => $$"""
        {"id":{{id}},"sku":"{{sku}}","name":"Mật ong hoa cà phê Đắk Lắk 500g – OCOP 4★","price":{{price}},
         "stock_quantity":{{stock}},"stock_availability":{{(available ? "true" : "false")}},"status":{{status}},
         "description":"<p>cũ</p>","cat_4_id":2051,"weight":600,"unit_id":1,"is_config_variant":false,"variants":[],
         "voucher":{"product_id":{{id}},"special_price":0},"updated_at_timestamp":1764979200}
        """;

    [Fact]
    public async Task CreateAsync_OneListing_PostsTheWholeProductWithIdZeroAndReturnsTheNewId()
    {
        // Arrange
        sendo.Reset();
        sendo.Ok("POST", "/api/partner/product", "{\"id\":5501}");
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For(Token));

        // Act
        var result = Assert.Single(await channel.Client.CreateAsync([Listings.Create("OCOP-REG-00001")], Ct));

        // Assert
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(("5501", "https://www.sendo.vn/san-pham/5501"), (result.RemoteId, result.Url));
        var request = Assert.Single(sendo.Requests);
        Assert.Equal(("POST", "/api/partner/product", ""), (request.Method, request.Path, new Uri(request.Url).Query));
        WireMockSendo.AssertBearer(request, Token);
        Assert.StartsWith("application/json", Assert.Single(request.Headers!["Content-Type"]), StringComparison.Ordinal);
        WireMockSendo.AssertJsonBody(CreatedBody("OCOP-REG-00001"), request);
    }

    [Fact]
    public async Task CreateAsync_NoStock_SendsStockAvailabilityFalse()
    {
        // Arrange
        sendo.Reset();
        sendo.Ok("POST", "/api/partner/product", "5502");
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For(Token));

        // Act
        var result = Assert.Single(await channel.Client.CreateAsync([Listings.Create("OCOP-REG-00002", stock: 0)], Ct));

        // Assert
        Assert.Equal("5502", result.RemoteId);
        WireMockSendo.AssertJsonBody(CreatedBody("OCOP-REG-00002", stock: 0, available: false), Assert.Single(sendo.Requests));
    }

    [Fact]
    public async Task CreateAsync_SeveralListings_PostsOneListMatchedBySku()
    {
        // Arrange
        sendo.Reset();
        sendo.Ok("POST", "/api/partner/product/list",
            """[{"sku":"OCOP-REG-00004","id":7704},{"sku":"OCOP-REG-00003","success":false,"error":"Danh mục không hợp lệ"}]""");
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For(Token));

        // Act
        var results = await channel.Client.CreateAsync([Listings.Create("OCOP-REG-00003"), Listings.Create("OCOP-REG-00004", stock: 5)], Ct);

        // Assert
        var request = Assert.Single(sendo.Requests);
        Assert.Equal(("POST", "/api/partner/product/list"), (request.Method, request.Path));
        WireMockSendo.AssertJsonBody($"[{CreatedBody("OCOP-REG-00003")},{CreatedBody("OCOP-REG-00004", stock: 5)}]", request);
        var refused = Assert.IsType<Sync.Marketplaces.MarketplaceError.Rejected>(results[0].Error);
        Assert.Contains("Danh mục không hợp lệ", refused.Message, StringComparison.Ordinal);
        Assert.Equal(("OCOP-REG-00004", "7704", true), (results[1].SellerSku, results[1].RemoteId, results[1].Succeeded));
    }

    [Fact]
    public async Task CreateAsync_AnswerWithoutId_IsTransientSoTheEngineLooksTheSkuUp()
    {
        // Arrange
        sendo.Reset();
        sendo.Ok("POST", "/api/partner/product", "null");
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For(Token));

        // Act
        var result = Assert.Single(await channel.Client.CreateAsync([Listings.Create("OCOP-REG-00005")], Ct));

        // Assert
        Assert.IsType<Sync.Marketplaces.MarketplaceError.Transient>(result.Error);
    }

    [Fact]
    public async Task CreateAsync_TooShortDescription_IsRejectedWithoutACall()
    {
        // Arrange
        sendo.Reset();
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For(Token));
        var listing = Listings.Create("OCOP-REG-00006") with { Content = Listings.Content("OCOP-REG-00006", description: "Ngắn quá.") };

        // Act
        var result = Assert.Single(await channel.Client.CreateAsync([listing], Ct));

        // Assert
        Assert.Contains("at least 100", Assert.IsType<Sync.Marketplaces.MarketplaceError.Rejected>(result.Error).Message, StringComparison.Ordinal);
        Assert.Empty(sendo.Requests);
    }

    [Fact]
    public async Task UpdatePriceAsync_ReadsTheProductAndPostsItBackWholeWithTheNewPrice()
    {
        // Arrange
        sendo.Reset();
        sendo.Ok("GET", "/api/partner/product", Product(8801, "OCOP-REG-00007"));
        sendo.Ok("POST", "/api/partner/product", "{\"id\":8801}");
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For(Token));

        // Act
        var result = Assert.Single(await channel.Client.UpdatePriceAsync([new("8801", "OCOP-REG-00007", 199_000)], Ct));

        // Assert
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Collection(sendo.Requests,
            read =>
            {
                Assert.Equal(("GET", "/api/partner/product", "?id=8801"), (read.Method, read.Path, new Uri(read.Url).Query));
                WireMockSendo.AssertBearer(read, Token);
            },
            write => WireMockSendo.AssertJsonBody(Product(8801, "OCOP-REG-00007", price: 199_000), write));
    }

    [Fact]
    public async Task UpdateStockAsync_ToZero_TurnsStockAvailabilityOff()
    {
        // Arrange
        sendo.Reset();
        sendo.Ok("GET", "/api/partner/product", Product(8802, "OCOP-REG-00008"));
        sendo.Ok("POST", "/api/partner/product", "{\"id\":8802}");
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For(Token));

        // Act
        var result = Assert.Single(await channel.Client.UpdateStockAsync([new("8802", "OCOP-REG-00008", 0)], Ct));

        // Assert
        Assert.True(result.Succeeded, result.Error?.Message);
        WireMockSendo.AssertJsonBody(Product(8802, "OCOP-REG-00008", stock: 0, available: false), sendo.Requests[1]);
    }

    [Fact]
    public async Task UpdateStockAsync_SoldOutProductRestocked_IsAvailableAgain()
    {
        // Arrange
        sendo.Reset();
        sendo.Ok("GET", "/api/partner/product", Product(8806, "OCOP-REG-00014", stock: 0, available: false));
        sendo.Ok("POST", "/api/partner/product", "{\"id\":8806}");
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For(Token));

        // Act
        var result = Assert.Single(await channel.Client.UpdateStockAsync([new("8806", "OCOP-REG-00014", 5)], Ct));

        // Assert
        Assert.True(result.Succeeded, result.Error?.Message);
        WireMockSendo.AssertJsonBody(Product(8806, "OCOP-REG-00014", stock: 5, available: true), sendo.Requests[1]);
    }

    [Fact]
    public async Task UpdateStockAsync_SameStockAsSendoShows_WritesNothing()
    {
        // Arrange
        sendo.Reset();
        sendo.Ok("GET", "/api/partner/product", Product(8803, "OCOP-REG-00009", stock: 40));
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For(Token));

        // Act
        var result = Assert.Single(await channel.Client.UpdateStockAsync([new("8803", "OCOP-REG-00009", 40)], Ct));

        // Assert
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("GET", Assert.Single(sendo.Requests).Method);
    }

    [Fact]
    public async Task SetStatusAsync_Delist_KeepsStockAndTurnsAvailabilityOff()
    {
        // Arrange
        sendo.Reset();
        sendo.Ok("GET", "/api/partner/product", Product(8804, "OCOP-REG-00010", stock: 30));
        sendo.Ok("POST", "/api/partner/product", "{\"id\":8804}");
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For(Token));

        // Act
        var result = Assert.Single(await channel.Client.SetStatusAsync([new("8804", "OCOP-REG-00010", false)], Ct));

        // Assert
        Assert.True(result.Succeeded, result.Error?.Message);
        WireMockSendo.AssertJsonBody(Product(8804, "OCOP-REG-00010", stock: 30, available: false), sendo.Requests[1]);
    }

    [Fact]
    public async Task UpdateContentAsync_ChangesOurFieldsAndKeepsPriceStockAndUnknownFields()
    {
        // Arrange
        sendo.Reset();
        sendo.Ok("GET", "/api/partner/product", Product(8805, "OCOP-REG-00011", price: 99_000, stock: 7));
        sendo.Ok("POST", "/api/partner/product", "{\"id\":8805}");
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For(Token));

        // Act
        var result = Assert.Single(await channel.Client.UpdateContentAsync([new("8805", Listings.Content("OCOP-REG-00011"))], Ct));

        // Assert
        Assert.True(result.Succeeded, result.Error?.Message);
        var expected = JsonNode.Parse(Product(8805, "OCOP-REG-00011", price: 99_000, stock: 7))!.AsObject();
        var created = JsonNode.Parse(CreatedBody("OCOP-REG-00011"))!.AsObject();
        foreach (var field in new[] { "name", "description", "cat_4_id", "weight", "unit_id", "avatar", "pictures" })
        {
            expected[field] = created[field]!.DeepClone();
        }

        WireMockSendo.AssertJsonBody(expected.ToJsonString(), sendo.Requests[1]);
    }

    [Fact]
    public async Task UpdatePriceAsync_SeveralItems_ReadsEachAndPostsOneList()
    {
        // Arrange
        sendo.Reset();
        sendo.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/api/partner/product").WithParam("id", "9001").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithBody(WireMockSendo.Envelope(Product(9001, "OCOP-REG-00012"))));
        sendo.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/api/partner/product").WithParam("id", "9002").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithBody(WireMockSendo.Envelope(Product(9002, "OCOP-REG-00013"))));
        sendo.Ok("POST", "/api/partner/product/list", "[9001,9002]");
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For(Token));

        // Act
        var results = await channel.Client.UpdatePriceAsync([new("9001", "OCOP-REG-00012", 120_000), new("9002", "OCOP-REG-00013", 130_000)], Ct);

        // Assert
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        var write = Assert.Single(sendo.Requests, r => r.Method == "POST");
        Assert.Equal("/api/partner/product/list", write.Path);
        WireMockSendo.AssertJsonBody($"[{Product(9001, "OCOP-REG-00012", price: 120_000)},{Product(9002, "OCOP-REG-00013", price: 130_000)}]", write);
    }
}
