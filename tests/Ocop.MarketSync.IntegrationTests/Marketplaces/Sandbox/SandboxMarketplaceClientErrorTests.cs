using Microsoft.Extensions.Time.Testing;
using Ocop.MarketSync.Sync.Marketplaces;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.Sandbox;

/// <summary>How every documented failure of the sandbox marketplace maps into the port's error taxonomy: batch writes here, reads in .Reads.cs.</summary>
public sealed partial class SandboxMarketplaceClientErrorTests : IClassFixture<WireMockMarketplace>, IAsyncDisposable
{
    private const string CreatePath = "/api/v1/items/batch-create";
    private const string StockPath = "/api/v1/items/batch-update-stock";
    private const string BySkuPath = "/api/v1/items/by-sku";
    private const string BatchOk = """{"results":[{"sellerSku":"OCOP-1","remoteId":"itm-000001"}]}""";
    private readonly WireMockMarketplace _marketplace;
    private readonly SandboxChannelHarness _channel;

    public SandboxMarketplaceClientErrorTests(WireMockMarketplace marketplace)
    {
        _marketplace = marketplace;
        _marketplace.Reset();
        _channel = SandboxChannelHarness.Create(marketplace.BaseUrl);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IReadOnlyList<StockUpdate> TwoStockUpdates => [new("itm-000001", "OCOP-1", 5), new("itm-000002", "OCOP-2", 6)];

    [Fact]
    public async Task UpdateStockAsync_429WithRetryAfter_RateLimitedOnEveryItemAfterOneRequest()
    {
        // Arrange
        _marketplace.Answer("POST", StockPath, 429, """{"code":"rate_limited","message":"slow down","requestId":"req-9"}""",
            ("Retry-After", "7"), ("X-Request-Id", "req-9"));

        // Act
        var results = await _channel.Client.UpdateStockAsync(TwoStockUpdates, Ct);

        // Assert
        var expected = new MarketplaceError.RateLimited(TimeSpan.FromSeconds(7), "HTTP 429 rate_limited: slow down") { RequestId = "req-9" };
        Assert.Equal([new ItemResult("OCOP-1", expected), new ItemResult("OCOP-2", expected)], results);
        Assert.Single(_marketplace.Requests);
    }

    [Fact]
    public async Task UpdateStockAsync_429WithRetryAfterDate_WaitsUntilThatDate()
    {
        // Arrange
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 3, 0, 0, TimeSpan.Zero));
        await using var channel = SandboxChannelHarness.Create(_marketplace.BaseUrl, time: time);
        _marketplace.Answer("POST", StockPath, 429, "{}", ("Retry-After", "Sun, 29 Nov 2026 03:00:30 GMT"));

        // Act
        var results = await channel.Client.UpdateStockAsync(TwoStockUpdates, Ct);

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(30), Assert.IsType<MarketplaceError.RateLimited>(results[0].Error).RetryAfter);
    }

    [Fact]
    public async Task UpdateStockAsync_429WithoutRetryAfter_RateLimitedForOneSecond()
    {
        // Arrange
        _marketplace.Answer("POST", StockPath, 429, "{}");

        // Act
        var results = await _channel.Client.UpdateStockAsync(TwoStockUpdates, Ct);

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(1), Assert.IsType<MarketplaceError.RateLimited>(results[0].Error).RetryAfter);
    }

    [Fact]
    public async Task CreateAsync_503_TransientOnEveryItemAndNotRetried()
    {
        // Arrange
        _marketplace.Answer("POST", CreatePath, 503, """{"code":"unavailable","message":"maintenance"}""");

        // Act
        var results = await _channel.Client.CreateAsync([Listings.Create("OCOP-1"), Listings.Create("OCOP-2")], Ct);

        // Assert: one request only; a retried create could duplicate the listing.
        Assert.All(results, r => Assert.Equal(new MarketplaceError.Transient("HTTP 503 unavailable: maintenance"), r.Error));
        Assert.Equal(["OCOP-1", "OCOP-2"], results.Select(r => r.SellerSku));
        Assert.Single(_marketplace.Requests);
    }

    [Theory]
    [InlineData(FaultType.EMPTY_RESPONSE)]
    [InlineData(FaultType.MALFORMED_RESPONSE_CHUNK)]
    public async Task CreateAsync_AnswerEmptyOrBrokenOff_TransientAndNotRetried(FaultType fault)
    {
        // Arrange
        _marketplace.Server.Given(Request.Create().WithPath(CreatePath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(BatchOk).WithFault(fault));

        // Act
        var results = await _channel.Client.CreateAsync([Listings.Create("OCOP-1")], Ct);

        // Assert: the create may have been applied; the engine resolves it by lookup, never by a blind retry.
        Assert.IsType<MarketplaceError.Transient>(Assert.Single(results).Error);
        Assert.Single(_marketplace.Requests);
    }

    [Fact]
    public async Task CreateAsync_AnswerCutOffMidBody_Transient()
    {
        // Arrange
        _marketplace.Answer("POST", CreatePath, 200, """{"results":[{"sellerSku":"OCOP-1","remo""");

        // Act
        var results = await _channel.Client.CreateAsync([Listings.Create("OCOP-1")], Ct);

        // Assert
        var error = Assert.IsType<MarketplaceError.Transient>(Assert.Single(results).Error);
        Assert.StartsWith("The marketplace's answer could not be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateStockAsync_NoAnswerWithinTheAttemptTimeout_TransientAfterOneRequest()
    {
        // Arrange
        await using var channel = SandboxChannelHarness.Create(_marketplace.BaseUrl, new Dictionary<string, string?>
        {
            [SandboxChannelHarness.Key("Sandbox:AttemptTimeout")] = "00:00:00.200",
        });
        // Counted on arrival: WireMock logs a request only once it has answered, and an answer to a client that
        // already hung up is sometimes never logged at all (seen on CI), so the log cannot tell one request from none.
        var arrivals = 0;
        _marketplace.Server.Given(Request.Create().WithPath(StockPath).UsingPost())
            .RespondWith(Response.Create().WithCallback(async _ =>
            {
                Interlocked.Increment(ref arrivals);
                await Task.Delay(TimeSpan.FromSeconds(1));
                return new ResponseMessage
                {
                    StatusCode = 200,
                    BodyData = new BodyData { BodyAsString = """{"results":[]}""", DetectedBodyType = BodyType.String },
                };
            }));

        // Act
        var results = await channel.Client.UpdateStockAsync(TwoStockUpdates, Ct);

        // Assert
        Assert.All(results, r => Assert.StartsWith("No answer from the marketplace in time",
            Assert.IsType<MarketplaceError.Transient>(r.Error).Message, StringComparison.Ordinal));
        // Long enough for a retry to have arrived, had the client made one.
        await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        Assert.Equal(1, Volatile.Read(ref arrivals));
    }

    [Fact]
    public async Task UpdateStockAsync_PerItemErrors_MapsNotFoundRejectedAndUnknownCodes()
    {
        // Arrange
        _marketplace.Answer("POST", StockPath, 200, """
            {"results":[
              {"remoteId":"itm-000001","error":{"code":"not_found","message":"no item 'itm-000001'"}},
              {"remoteId":"itm-000002","error":{"code":"rejected","message":"item is banned"}},
              {"remoteId":"itm-000003","error":{"code":"flux_capacitor","message":"?"}},
              {"remoteId":"itm-000004"}]}
            """, ("X-Request-Id", "req-5"));
        StockUpdate[] updates = [new("itm-000001", "A", 1), new("itm-000002", "B", 1), new("itm-000003", "C", 1), new("itm-000004", "D", 1)];

        // Act
        var results = await _channel.Client.UpdateStockAsync(updates, Ct);

        // Assert
        Assert.Equal(
            [
                new ItemResult("A", new MarketplaceError.NotFound("no item 'itm-000001'") { RequestId = "req-5" }, "itm-000001"),
                new ItemResult("B", new MarketplaceError.Rejected("item is banned") { RequestId = "req-5" }, "itm-000002"),
                new ItemResult("C", new MarketplaceError.Rejected("flux_capacitor: ?") { RequestId = "req-5" }, "itm-000003"),
                new ItemResult("D", null, "itm-000004") { RequestId = "req-5" },
            ],
            results);
    }

    [Fact]
    public async Task CreateAsync_PerItemRejected_RejectedWithTheMarketplaceMessage()
    {
        // Arrange
        _marketplace.Answer("POST", CreatePath, 200,
            """{"results":[{"sellerSku":"OCOP-1","error":{"code":"rejected","message":"title is 300 bytes of UTF-8, more than the limit of 255"}}]}""");

        // Act
        var result = Assert.Single(await _channel.Client.CreateAsync([Listings.Create("OCOP-1")], Ct));

        // Assert
        Assert.Equal(new MarketplaceError.Rejected("title is 300 bytes of UTF-8, more than the limit of 255"), result.Error);
        Assert.Null(result.RemoteId);
    }

    [Fact]
    public async Task CreateAsync_AnswerNamesAnotherSku_TransientSoTheEngineLooksItUp()
    {
        // Arrange
        _marketplace.Answer("POST", CreatePath, 200, """{"results":[{"sellerSku":"OCOP-2","remoteId":"itm-000002"}]}""");

        // Act
        var result = Assert.Single(await _channel.Client.CreateAsync([Listings.Create("OCOP-1")], Ct));

        // Assert
        Assert.IsType<MarketplaceError.Transient>(result.Error);
        Assert.Null(result.RemoteId);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task SetStatusAsync_401Or403_AuthExpiredOnEveryItem(int status)
    {
        // Arrange
        _marketplace.Answer("POST", "/api/v1/items/batch-set-status", status, """{"code":"unauthorized","message":"the access token is missing, expired or revoked"}""");

        // Act
        var results = await _channel.Client.SetStatusAsync([new StatusUpdate("itm-000001", "OCOP-1", false)], Ct);

        // Assert
        Assert.StartsWith($"HTTP {status} unauthorized: the access token",
            Assert.IsType<MarketplaceError.AuthExpired>(Assert.Single(results).Error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdatePriceAsync_400BatchTooLarge_RejectedWithTheMessage()
    {
        // Arrange
        _marketplace.Answer("POST", "/api/v1/items/batch-update-price", 400,
            """{"code":"batch_too_large","message":"60 items in one call, more than the limit of 50","requestId":"req-3"}""");

        // Act
        var results = await _channel.Client.UpdatePriceAsync([new PriceUpdate("itm-000001", "OCOP-1", 1_000)], Ct);

        // Assert
        Assert.Equal(
            new MarketplaceError.Rejected("HTTP 400 batch_too_large: 60 items in one call, more than the limit of 50") { RequestId = "req-3" },
            Assert.Single(results).Error);
    }

    public ValueTask DisposeAsync() => _channel.DisposeAsync();
}
