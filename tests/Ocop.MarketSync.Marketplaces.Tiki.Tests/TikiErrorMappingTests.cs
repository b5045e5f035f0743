using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.Marketplaces.Tiki.Tests;

/// <summary>Every documented error body and status of Tiki (MARKETPLACES.md §5.3) in the port's taxonomy, raw text kept.</summary>
public sealed class TikiErrorMappingTests : IClassFixture<WireMockTiki>, IAsyncDisposable
{
    private const string UpdateSkus = "/integration/v2.1/products/updateSkus";
    private readonly WireMockTiki _tiki;
    private readonly FakeShopTokenSource _tokens = FakeShopTokenSource.For("tiki-access-1");
    private readonly TikiHarness _channel;

    public TikiErrorMappingTests(WireMockTiki tiki)
    {
        _tiki = tiki;
        _tiki.Reset();
        _channel = TikiHarness.Create(tiki.BaseUrl, _tokens);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(400, """{"errors":["price must be greater than 0"]}""", typeof(MarketplaceError.Rejected), "Tiki HTTP 400: price must be greater than 0")]
    [InlineData(403, """{"errors":["you do not have permission to update this product"]}""", typeof(MarketplaceError.Rejected),
        "Tiki HTTP 403: you do not have permission to update this product")]
    [InlineData(403, """{"errors":["Access denied: scope product is not granted"]}""", typeof(MarketplaceError.Misconfigured),
        "Tiki HTTP 403: Access denied: scope product is not granted")]
    [InlineData(404, """{"errors":["Product 70001 not found"]}""", typeof(MarketplaceError.NotFound), "Tiki HTTP 404: Product 70001 not found")]
    [InlineData(405, """{"errors":["Request method 'POST' not supported"]}""", typeof(MarketplaceError.Misconfigured),
        "Tiki HTTP 405: Request method 'POST' not supported")]
    [InlineData(406, """{"errors":["Not Acceptable"]}""", typeof(MarketplaceError.Misconfigured), "Tiki HTTP 406: Not Acceptable")]
    [InlineData(415, """{"errors":["Content type 'application/x-www-form-urlencoded' not supported"]}""", typeof(MarketplaceError.Misconfigured),
        "Tiki HTTP 415: Content type 'application/x-www-form-urlencoded' not supported")]
    [InlineData(500, """{"errors":["Internal Server Error"]}""", typeof(MarketplaceError.Transient), "Tiki HTTP 500: Internal Server Error")]
    [InlineData(503, "<html>Service Unavailable</html>", typeof(MarketplaceError.Transient), "Tiki HTTP 503: <html>Service Unavailable</html>")]
    [InlineData(400, """{"error":"invalid payload"}""", typeof(MarketplaceError.Rejected), "Tiki HTTP 400: invalid payload")]
    [InlineData(200, """{"error":"seller is locked"}""", typeof(MarketplaceError.Rejected), "Tiki HTTP 200: seller is locked")]
    public async Task UpdatePriceAsync_ErrorAnswer_MapsByStatusKeepingTheRawText(int status, string body, Type expected, string message)
    {
        // Arrange
        _tiki.Answer("PUT", UpdateSkus, status, body);

        // Act
        var result = Assert.Single(await _channel.Client.UpdatePriceAsync([new PriceUpdate("70001", "OCOP-1", 190_000)], Ct));

        // Assert
        Assert.IsType(expected, result.Error);
        Assert.Equal(message, result.Error!.Message);
        Assert.Equal("70001", result.RemoteId);
        Assert.DoesNotContain(_tiki.Requests, r => r.Method == "GET");
    }

    [Fact]
    public async Task UpdatePriceAsync_429WithoutRetryAfter_UsesTheConfiguredDefault()
    {
        _tiki.Answer("PUT", UpdateSkus, 429, """{"errors":["Too Many Requests"]}""");

        var result = Assert.Single(await _channel.Client.UpdatePriceAsync([new PriceUpdate("70001", "OCOP-1", 190_000)], Ct));

        Assert.Equal(new MarketplaceError.RateLimited(TimeSpan.FromSeconds(1), "Tiki HTTP 429: Too Many Requests"), result.Error);
    }

    [Fact]
    public async Task UpdatePriceAsync_429WithRetryAfter_HonoursIt()
    {
        _tiki.Answer("PUT", UpdateSkus, 429, """{"errors":["Too Many Requests"]}""", new Dictionary<string, string> { ["Retry-After"] = "12" });

        var result = Assert.Single(await _channel.Client.UpdatePriceAsync([new PriceUpdate("70001", "OCOP-1", 190_000)], Ct));

        Assert.Equal(TimeSpan.FromSeconds(12), Assert.IsType<MarketplaceError.RateLimited>(result.Error).RetryAfter);
    }

    [Fact]
    public async Task CreateAsync_401ThenRefreshAccepted_RetriesOnceWithTheNewToken()
    {
        // Arrange: the old token is refused, the new one accepted.
        _tokens.OnRefresh = (_, _) => Task.FromResult(new ShopTokens("tiki-access-2", DateTimeOffset.UtcNow.AddHours(1), "", null, "1234567"));
        _tiki.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/integration/v2.1/requests").UsingPost()
                .WithHeader("Authorization", "Bearer tiki-access-2")).AtPriority(1)
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithBody("""{"track_id":"trk-2","state":"queuing"}"""));
        _tiki.Answer("POST", "/integration/v2.1/requests", 401, """{"errors":["Unauthorized"]}""");

        // Act
        var result = Assert.Single(await _channel.Client.CreateAsync([Listings.Create("OCOP-1")], Ct));

        // Assert
        Assert.Equal("trk-2", result.ReviewTicket);
        Assert.Equal(1, _tokens.ForcedRefreshes);
        Assert.Equal(["Bearer tiki-access-1", "Bearer tiki-access-2"], _tiki.Requests.Select(r => r.Headers!["Authorization"][0]));
        Assert.Equal(_tiki.Requests[0].Body, _tiki.Requests[1].Body);
    }

    [Fact]
    public async Task CreateAsync_401AfterRefreshToo_IsAuthExpired()
    {
        _tokens.OnRefresh = (_, _) => Task.FromResult(new ShopTokens("tiki-access-2", DateTimeOffset.UtcNow.AddHours(1), "", null, "1234567"));
        _tiki.Answer("POST", "/integration/v2.1/requests", 401, """{"errors":["Unauthorized"]}""");

        var result = Assert.Single(await _channel.Client.CreateAsync([Listings.Create("OCOP-1")], Ct));

        Assert.Equal(new MarketplaceError.AuthExpired("Tiki HTTP 401: Unauthorized"), result.Error);
        Assert.Equal(2, _tiki.Requests.Count);
    }

    [Fact]
    public async Task CreateAsync_RefreshRefused_IsAuthExpiredWithoutASecondCall()
    {
        _tiki.Answer("POST", "/integration/v2.1/requests", 401, """{"errors":["Unauthorized"]}""");

        var result = Assert.Single(await _channel.Client.CreateAsync([Listings.Create("OCOP-1")], Ct));

        Assert.IsType<MarketplaceError.AuthExpired>(result.Error);
        Assert.Single(_tiki.Requests);
    }

    [Fact]
    public async Task CreateAsync_ServerError_IsTransientAndNotRetried()
    {
        _tiki.Answer("POST", "/integration/v2.1/requests", 502, """{"errors":["Bad Gateway"]}""");

        var result = Assert.Single(await _channel.Client.CreateAsync([Listings.Create("OCOP-1")], Ct));

        Assert.IsType<MarketplaceError.Transient>(result.Error);
        Assert.Single(_tiki.Requests);
    }

    [Fact]
    public async Task ValidateOptions_MissingWarehouseAndSecret_NamesBothKeys()
    {
        await using var channel = TikiHarness.Create(_tiki.BaseUrl, _tokens, new Dictionary<string, string?>
        {
            [TikiHarness.Key("Tiki:WarehouseId")] = null,
            ["TIKI_TEST:ClientSecret"] = null,
        });

        var options = Assert.Throws<OptionsValidationException>(channel.ValidateChannelOptions);
        var keys = Assert.Throws<OptionsValidationException>(channel.ValidateCredentials);

        Assert.Contains("Channels:tiki-test:Tiki:WarehouseId", options.Message, StringComparison.Ordinal);
        Assert.Contains("TIKI_TEST:ClientSecret", keys.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ClientId", keys.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateOptions_PublicAppWithoutRedirectUri_NamesTheKey()
    {
        await using var channel = TikiHarness.Create(_tiki.BaseUrl, _tokens, new Dictionary<string, string?> { [TikiHarness.Key("Tiki:RedirectUri")] = null });

        var error = Assert.Throws<OptionsValidationException>(channel.ValidateChannelOptions);

        Assert.Contains("Channels:tiki-test:Tiki:RedirectUri", error.Message, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => _channel.DisposeAsync();
}
