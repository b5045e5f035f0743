using System.Text.Json.Nodes;
using Ocop.MarketSync.Sync.Marketplaces;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.Sandbox;

/// <summary>The exact requests the sandbox adapter sends for each operation of the port, and how it reads the answers.</summary>
public sealed class SandboxMarketplaceClientRequestTests : IClassFixture<WireMockMarketplace>, IAsyncDisposable
{
    private const string BatchOk = """{"results":[{"sellerSku":"OCOP-1","remoteId":"itm-000007","url":"https://m.example/itm-000007","error":null}]}""";
    private readonly WireMockMarketplace _marketplace;
    private readonly SandboxChannelHarness _channel;

    public SandboxMarketplaceClientRequestTests(WireMockMarketplace marketplace)
    {
        _marketplace = marketplace;
        _marketplace.Reset();
        _channel = SandboxChannelHarness.Create(marketplace.BaseUrl);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IMarketplaceClient Client => _channel.Client;

    [Fact]
    public async Task CreateAsync_OneListing_PostsEveryFieldAndReturnsTheRemoteIdAndUrl()
    {
        // Arrange
        _marketplace.Answer("POST", "/api/v1/items/batch-create", 200, BatchOk, ("X-Request-Id", "req-1"));

        // Act
        var results = await Client.CreateAsync([Listings.Create("OCOP-1")], Ct);

        // Assert
        Assert.Equal([new ItemResult("OCOP-1", null, "itm-000007", "https://m.example/itm-000007") { RequestId = "req-1" }], results);
        var request = Assert.Single(_marketplace.Requests);
        Assert.Equal(("POST", "/api/v1/items/batch-create"), (request.Method, request.Path));
        Assert.StartsWith("application/json", request.Headers!["Content-Type"][0], StringComparison.Ordinal);
        Assert.False(request.Headers.ContainsKey("Authorization"));
        WireMockMarketplace.AssertJsonBody("""
            {"items":[{
              "sellerSku":"OCOP-1","title":"Mật ong hoa cà phê Đắk Lắk – OCOP 4★",
              "description":"Mật ong nguyên chất từ vườn cà phê Buôn Ma Thuột.","categoryId":"food-honey",
              "images":["https://img.example/honey-1.jpg","https://img.example/honey-2.jpg"],
              "gtin":"8938505970012","weightGrams":500,"attributes":{"origin":"Đắk Lắk","ocopStars":"4"},
              "priceVnd":185000,"stock":12,"active":true}]}
            """, request);
        // Vietnamese is sent as UTF-8 text, not \u escapes.
        Assert.Contains("Đắk Lắk", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateContentAsync_OneItem_PostsTheContentWithoutTheSku()
    {
        // Arrange
        _marketplace.Answer("POST", "/api/v1/items/batch-update-content", 200, BatchOk);

        // Act
        var results = await Client.UpdateContentAsync([new ContentUpdate("itm-000007", Listings.Content("OCOP-1") with { Gtin = null })], Ct);

        // Assert
        Assert.Equal([new ItemResult("OCOP-1", null, "itm-000007", "https://m.example/itm-000007")], results);
        var request = Assert.Single(_marketplace.Requests);
        Assert.Equal(("POST", "/api/v1/items/batch-update-content"), (request.Method, request.Path));
        WireMockMarketplace.AssertJsonBody("""
            {"items":[{
              "remoteId":"itm-000007","title":"Mật ong hoa cà phê Đắk Lắk – OCOP 4★",
              "description":"Mật ong nguyên chất từ vườn cà phê Buôn Ma Thuột.","categoryId":"food-honey",
              "images":["https://img.example/honey-1.jpg","https://img.example/honey-2.jpg"],
              "gtin":null,"weightGrams":500,"attributes":{"origin":"Đắk Lắk","ocopStars":"4"}}]}
            """, request);
    }

    [Fact]
    public async Task UpdatePriceAsync_TwoItems_PostsRemoteIdsAndWholeDong()
    {
        // Arrange
        _marketplace.Answer("POST", "/api/v1/items/batch-update-price", 200,
            """{"results":[{"remoteId":"itm-000007","sellerSku":"OCOP-1"},{"remoteId":"itm-000008","sellerSku":"OCOP-2"}]}""");

        // Act
        var results = await Client.UpdatePriceAsync([new PriceUpdate("itm-000007", "OCOP-1", 185_000), new PriceUpdate("itm-000008", "OCOP-2", 1_250_000)], Ct);

        // Assert
        Assert.Equal([new ItemResult("OCOP-1", RemoteId: "itm-000007"), new ItemResult("OCOP-2", RemoteId: "itm-000008")], results);
        var request = Assert.Single(_marketplace.Requests);
        Assert.Equal(("POST", "/api/v1/items/batch-update-price"), (request.Method, request.Path));
        WireMockMarketplace.AssertJsonBody(
            """{"items":[{"remoteId":"itm-000007","priceVnd":185000},{"remoteId":"itm-000008","priceVnd":1250000}]}""", request);
    }

    [Fact]
    public async Task UpdateStockAsync_OneItem_PostsRemoteIdAndStock()
    {
        // Arrange
        _marketplace.Answer("POST", "/api/v1/items/batch-update-stock", 200, """{"results":[{"remoteId":"itm-000007"}]}""");

        // Act
        var results = await Client.UpdateStockAsync([new StockUpdate("itm-000007", "OCOP-1", 0)], Ct);

        // Assert
        Assert.True(Assert.Single(results).Succeeded);
        var request = Assert.Single(_marketplace.Requests);
        Assert.Equal(("POST", "/api/v1/items/batch-update-stock"), (request.Method, request.Path));
        WireMockMarketplace.AssertJsonBody("""{"items":[{"remoteId":"itm-000007","stock":0}]}""", request);
    }

    [Fact]
    public async Task SetStatusAsync_DelistAndRelist_PostsActiveFlags()
    {
        // Arrange
        _marketplace.Answer("POST", "/api/v1/items/batch-set-status", 200, """{"results":[{"remoteId":"itm-000007"},{"remoteId":"itm-000008"}]}""");

        // Act
        var results = await Client.SetStatusAsync([new StatusUpdate("itm-000007", "OCOP-1", false), new StatusUpdate("itm-000008", "OCOP-2", true)], Ct);

        // Assert
        Assert.All(results, r => Assert.True(r.Succeeded));
        var request = Assert.Single(_marketplace.Requests);
        Assert.Equal(("POST", "/api/v1/items/batch-set-status"), (request.Method, request.Path));
        WireMockMarketplace.AssertJsonBody("""{"items":[{"remoteId":"itm-000007","active":false},{"remoteId":"itm-000008","active":true}]}""", request);
    }

    [Fact]
    public async Task UpdateStockAsync_MoreItemsThanTheBatchSize_SplitsIntoCallsAndKeepsTheOrder()
    {
        // Arrange: the mock answers 50 results to every call; the last call has 20 items, so its answer is short.
        _marketplace.Answer("POST", "/api/v1/items/batch-update-stock", 200,
            "{\"results\":[" + string.Join(',', Enumerable.Repeat("{}", 50)) + "]}");
        var updates = Enumerable.Range(1, 120).Select(i => new StockUpdate($"itm-{i:D6}", $"OCOP-{i}", i)).ToList();

        // Act
        var results = await Client.UpdateStockAsync(updates, Ct);

        // Assert
        Assert.Equal(updates.Select(u => u.SellerSku), results.Select(r => r.SellerSku));
        Assert.Equal([50, 50, 20], _marketplace.Requests.Select(r => JsonNode.Parse(r.Body!)!["items"]!.AsArray().Count));
        Assert.All(results.Take(100), r => Assert.True(r.Succeeded));
        Assert.All(results.Skip(100), r => Assert.IsType<MarketplaceError.Transient>(r.Error));
    }

    [Fact]
    public async Task FindBySellerSkuAsync_TwoSkus_GetsThemAsRepeatedQueryAndKeepsOnlyExactMatches()
    {
        // Arrange
        _marketplace.Answer("GET", "/api/v1/items/by-sku", 200, """
            {"items":[
              {"remoteId":"itm-000007","sellerSku":"OCOP-1","url":"https://m.example/itm-000007","title":"Mật ong","priceVnd":185000,
               "stock":12,"active":true,"banned":false,"updatedAt":"2026-11-29T03:00:00+00:00","description":"…"},
              {"remoteId":"itm-000099","sellerSku":"OCOP-10","title":"Loose match","priceVnd":1,"stock":1,"active":true,"banned":false,
               "updatedAt":"2026-11-29T03:00:00Z"}]}
            """);

        // Act
        var items = await Client.FindBySellerSkuAsync(["OCOP-1", "OCOP-2", "OCOP-1"], Ct);

        // Assert
        Assert.Equal(
            [new RemoteItem("itm-000007", "OCOP-1", "https://m.example/itm-000007", "Mật ong", 185_000, 12, true, false,
                new DateTimeOffset(2026, 11, 29, 3, 0, 0, TimeSpan.Zero))],
            items);
        var request = Assert.Single(_marketplace.Requests);
        Assert.Equal(("GET", "/api/v1/items/by-sku?sku=OCOP-1&sku=OCOP-2"), (request.Method, new Uri(request.Url).PathAndQuery));
    }

    [Fact]
    public async Task FindBySellerSkuAsync_NoSkus_SendsNothing()
    {
        // Act
        var items = await Client.FindBySellerSkuAsync([], Ct);

        // Assert
        Assert.Empty(items);
        Assert.Empty(_marketplace.Requests);
    }

    [Fact]
    public async Task PageItemsAsync_TwoPages_FollowsTheTokenUntilThereIsNone()
    {
        // Arrange
        const string Item = """{"remoteId":"itm-00000{0}","sellerSku":"OCOP-{0}","title":"T","priceVnd":1000,"stock":1,"active":true,"banned":false,"updatedAt":"2026-11-29T03:00:00Z"}""";
        string ItemJson(int n) => Item.Replace("{0}", n.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        _marketplace.Server.Given(Request.Create().WithPath("/api/v1/items").UsingGet().WithParam("pageToken", "n2"))
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody($$"""{"items":[{{ItemJson(3)}}],"nextPageToken":null}"""));
        _marketplace.Server.Given(Request.Create().WithPath("/api/v1/items").UsingGet())
            .AtPriority(2)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody($$"""{"items":[{{ItemJson(1)}},{{ItemJson(2)}}],"nextPageToken":"n2"}"""));

        // Act
        var items = await Client.PageItemsAsync("OCOP-", Ct).ToListAsync(Ct);

        // Assert
        Assert.Equal(["OCOP-1", "OCOP-2", "OCOP-3"], items.Select(i => i.SellerSku));
        Assert.Equal(
            ["/api/v1/items?skuPrefix=OCOP-&pageSize=100", "/api/v1/items?skuPrefix=OCOP-&pageToken=n2&pageSize=100"],
            _marketplace.Requests.Select(r => new Uri(r.Url).PathAndQuery));
    }

    [Fact]
    public async Task CreateAsync_CredentialsRefConfigured_SendsTheBearerToken()
    {
        // Arrange
        _marketplace.Answer("POST", "/api/v1/items/batch-create", 200, BatchOk);
        await using var channel = SandboxChannelHarness.Create(_marketplace.BaseUrl, new Dictionary<string, string?>
        {
            [SandboxChannelHarness.Key("CredentialsRef")] = "SANDBOX_TEST",
            ["SANDBOX_TEST:AccessToken"] = "tok-123",
        });

        // Act
        await channel.Client.CreateAsync([Listings.Create("OCOP-1")], Ct);

        // Assert
        Assert.Equal("Bearer tok-123", Assert.Single(_marketplace.Requests).Headers!["Authorization"][0]);
    }

    [Fact]
    public async Task Capabilities_DefaultsAndChannelOptions_AreTheSandboxLimits()
    {
        // Arrange
        await using var channel = SandboxChannelHarness.Create(_marketplace.BaseUrl, new Dictionary<string, string?>
        {
            [SandboxChannelHarness.Key("Sandbox:SellsServices")] = "true",
            [SandboxChannelHarness.Key("Sandbox:WriteBatchSize")] = "20",
        });

        // Act
        var capabilities = channel.Client.Capabilities;

        // Assert
        Assert.Equal(("sandbox", 50.0, true, false), (capabilities.Marketplace, capabilities.RequestsPerSecond, capabilities.SellsServices, capabilities.AcceptsHtmlDescription));
        Assert.Equal((120, 255, 3000, 10000), (capabilities.TitleMaxChars, capabilities.TitleMaxBytes, capabilities.DescriptionMaxChars, capabilities.DescriptionMaxBytes));
        Assert.Equal(20, capabilities.BatchSizeOf(MarketplaceOperation.Create));
        Assert.Equal(20, capabilities.BatchSizeOf(MarketplaceOperation.UpdateStock));
        Assert.Equal(100, capabilities.BatchSizeOf(MarketplaceOperation.FindBySellerSku));
        Assert.Equal(100, capabilities.BatchSizeOf(MarketplaceOperation.PageItems));
        Assert.False(_channel.Client.Capabilities.SellsServices);
    }

    public ValueTask DisposeAsync() => _channel.DisposeAsync();
}
