using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.Marketplaces.Sendo.Tests;

/// <summary>Every documented HTTP status and envelope failure, and every product status, in the port's taxonomy with the raw code kept.</summary>
public sealed class SendoErrorMappingTests(WireMockSendo sendo) : IClassFixture<WireMockSendo>
{
    private const string Token = "eyJhbGciOiJIUzI1NiJ9.e30.token-3";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(429, 400, typeof(MarketplaceError.RateLimited))]
    [InlineData(500, 500, typeof(MarketplaceError.Transient))]
    [InlineData(502, 502, typeof(MarketplaceError.Transient))]
    [InlineData(503, 503, typeof(MarketplaceError.Transient))]
    [InlineData(403, 403, typeof(MarketplaceError.Misconfigured))]
    [InlineData(404, 404, typeof(MarketplaceError.NotFound))]
    [InlineData(400, 400, typeof(MarketplaceError.Rejected))]
    [InlineData(422, 422, typeof(MarketplaceError.Rejected))]
    [InlineData(200, 400, typeof(MarketplaceError.Rejected))]
    [InlineData(200, 429, typeof(MarketplaceError.RateLimited))]
    [InlineData(200, 500, typeof(MarketplaceError.Transient))]
    [InlineData(200, 401, typeof(MarketplaceError.AuthExpired))]
    public async Task CreateAsync_Failure_MapsToTheTaxonomyKeepingTheRawCodes(int http, int statusCode, Type expected)
    {
        // Arrange
        sendo.Reset();
        sendo.Answer("POST", "/api/partner/product", http,
            $$"""{"result":null,"success":false,"error":{"code":"E{{statusCode}}","message":"Giá sản phẩm không hợp lệ"},"status_code":{{statusCode}}}""");
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For(Token));

        // Act
        var result = Assert.Single(await channel.Client.CreateAsync([Listings.Create("OCOP-REG-00041")], Ct));

        // Assert
        Assert.IsType(expected, result.Error);
        Assert.Contains($"HTTP {http}", result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains($"status_code {statusCode}", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("Giá sản phẩm không hợp lệ", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_GatewayHtmlPage_IsTransientWithItsBeginning()
    {
        // Arrange
        sendo.Reset();
        sendo.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/api/partner/product").UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html").WithBody("<html>502 Bad Gateway</html>"));
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For(Token));

        // Act
        var result = Assert.Single(await channel.Client.CreateAsync([Listings.Create("OCOP-REG-00050")], Ct));

        // Assert
        Assert.Contains("502 Bad Gateway", Assert.IsType<MarketplaceError.Transient>(result.Error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_429WithRetryAfter_WaitsThatLong()
    {
        // Arrange
        sendo.Reset();
        sendo.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/api/partner/product").UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(429).WithHeader("Retry-After", "7").WithBody("Too Many Requests"));
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For(Token));

        // Act
        var result = Assert.Single(await channel.Client.CreateAsync([Listings.Create("OCOP-REG-00042")], Ct));

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(7), Assert.IsType<MarketplaceError.RateLimited>(result.Error).RetryAfter);
    }

    [Fact]
    public async Task Call401_LogsInOnceAndResendsWithTheNewToken()
    {
        // Arrange
        sendo.Reset();
        sendo.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/api/partner/product").UsingPost().WithHeader("Authorization", "bearer old"))
            .AtPriority(1).RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(401).WithBody("""{"success":false,"status_code":401}"""));
        sendo.Ok("POST", "/api/partner/product", "{\"id\":4401}");
        var tokens = FakeShopTokenSource.For("old");
        tokens.OnRefresh = (_, _) => Task.FromResult(new ShopTokens("new", DateTimeOffset.UtcNow.AddHours(8), string.Empty, null, null));
        await using var channel = SendoHarness.Create(sendo.BaseUrl, tokens);

        // Act
        var result = Assert.Single(await channel.Client.CreateAsync([Listings.Create("OCOP-REG-00043")], Ct));

        // Assert
        Assert.Equal("4401", result.RemoteId);
        Assert.Equal(1, tokens.ForcedRefreshes);
        Assert.Equal(["bearer old", "bearer new"], sendo.Requests.Select(r => r.Headers!["Authorization"].Single()));
        WireMockSendo.AssertJsonBody(SendoClientWriteTests.CreatedBody("OCOP-REG-00043"), sendo.Requests[1]);
    }

    [Fact]
    public async Task Call401Twice_IsAuthExpiredAfterOneLogin()
    {
        // Arrange
        sendo.Reset();
        sendo.Answer("POST", "/api/partner/product", 401, """{"result":null,"success":false,"error":"token expired","status_code":401}""");
        var tokens = FakeShopTokenSource.For("old");
        tokens.OnRefresh = (_, _) => Task.FromResult(new ShopTokens("new", DateTimeOffset.UtcNow.AddHours(8), string.Empty, null, null));
        await using var channel = SendoHarness.Create(sendo.BaseUrl, tokens);

        // Act
        var result = Assert.Single(await channel.Client.CreateAsync([Listings.Create("OCOP-REG-00044")], Ct));

        // Assert
        Assert.IsType<MarketplaceError.AuthExpired>(result.Error);
        Assert.Equal((1, 2), (tokens.ForcedRefreshes, sendo.Requests.Count));
    }

    [Fact]
    public async Task Call_LoginRefusedKeys_IsMisconfiguredNamingTheKeys()
    {
        // Arrange
        sendo.Reset();
        var tokens = FakeShopTokenSource.For("old");
        tokens.OnRefresh = (_, _) => throw AppCredentialsRefused.Error("Sendo", "refused", null, "SENDO_TEST:ShopKey", "SENDO_TEST:SecretKey");
        sendo.Answer("POST", "/api/partner/product", 401, """{"success":false,"status_code":401}""");
        await using var channel = SendoHarness.Create(sendo.BaseUrl, tokens);

        // Act
        var result = Assert.Single(await channel.Client.CreateAsync([Listings.Create("OCOP-REG-00045")], Ct));

        // Assert
        Assert.Contains("SENDO_TEST:ShopKey", Assert.IsType<MarketplaceError.Misconfigured>(result.Error).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, typeof(MarketplaceError.Deferred))]
    [InlineData(4, typeof(MarketplaceError.Rejected))]
    [InlineData(5, typeof(MarketplaceError.NotFound))]
    [InlineData(6, typeof(MarketplaceError.NotFound))]
    public async Task UpdatePriceAsync_ProductThatCannotBeUpdated_IsMappedWithItsStatusAndNotWritten(int status, Type expected)
    {
        // Arrange
        sendo.Reset();
        sendo.Ok("GET", "/api/partner/product", SendoClientWriteTests.Product(7701, "OCOP-REG-00046", status: status));
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For(Token), new Dictionary<string, string?>
        {
            [SendoHarness.Key("Sendo:PendingReviewRetryAfter")] = "02:00:00",
        });

        // Act
        var result = Assert.Single(await channel.Client.UpdatePriceAsync([new("7701", "OCOP-REG-00046", 99_000)], Ct));

        // Assert
        Assert.IsType(expected, result.Error);
        Assert.Contains($"Sendo status {status}", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal("GET", Assert.Single(sendo.Requests).Method);
        if (result.Error is MarketplaceError.Deferred deferred)
        {
            Assert.Equal(TimeSpan.FromHours(2), deferred.RetryAfter);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(9)]
    public async Task UpdatePriceAsync_DraftRejectedOrUnknownStatus_IsWritten(int status)
    {
        // Arrange
        sendo.Reset();
        sendo.Ok("GET", "/api/partner/product", SendoClientWriteTests.Product(7702, "OCOP-REG-00047", status: status));
        sendo.Ok("POST", "/api/partner/product", "7702");
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For(Token));

        // Act
        var result = Assert.Single(await channel.Client.UpdatePriceAsync([new("7702", "OCOP-REG-00047", 99_000)], Ct));

        // Assert
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(2, sendo.Requests.Count);
    }

    [Fact]
    public async Task Call_ChannelNeverAuthorised_IsAuthExpiredWithoutACall()
    {
        // Arrange
        sendo.Reset();
        await using var channel = SendoHarness.Create(sendo.BaseUrl, new NoTokens());

        // Act
        var result = Assert.Single(await channel.Client.UpdateStockAsync([new("7703", "OCOP-REG-00048", 1)], Ct));

        // Assert
        Assert.Contains("channel authorize", Assert.IsType<MarketplaceError.AuthExpired>(result.Error).Message, StringComparison.Ordinal);
        Assert.Empty(sendo.Requests);
    }

    [Fact]
    public async Task Call_NothingListening_IsTransient()
    {
        // Arrange: a port nothing listens on
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var channel = SendoHarness.Create(new Uri($"http://127.0.0.1:{port}/"), FakeShopTokenSource.For(Token));

        // Act
        var result = Assert.Single(await channel.Client.CreateAsync([Listings.Create("OCOP-REG-00049")], Ct));

        // Assert
        Assert.IsType<MarketplaceError.Transient>(result.Error);
    }

    private sealed class NoTokens : IShopTokenSource
    {
        public ValueTask<ShopTokens> GetAsync(string channelId, CancellationToken cancellationToken) =>
            throw new ChannelNotAuthorizedException(channelId, $"Channel '{channelId}' has not been authorised: run `channel authorize {channelId} --code -`.");

        public ValueTask<ShopTokens> RefreshNowAsync(string channelId, ShopTokens rejected, CancellationToken cancellationToken) =>
            GetAsync(channelId, cancellationToken);
    }
}
