using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.TikTokShop.Tests;

/// <summary>
/// Every documented TikTok error body (MARKETPLACES.md §4.4), answered by WireMock to a real call, lands in the
/// right taxonomy kind with the request id kept; including the traps (429/36009002 rate limit, a promotion's price
/// lock parked not failed, signature and credential errors as Misconfigured, not AuthExpired).
/// </summary>
public sealed class TikTokShopErrorMappingTests : IClassFixture<WireMockTikTok>, IAsyncDisposable
{
    private readonly WireMockTikTok _tiktok;
    private readonly TikTokShopHarness _channel;

    public TikTokShopErrorMappingTests(WireMockTikTok tiktok)
    {
        _tiktok = tiktok;
        _tiktok.Reset();
        _channel = TikTokShopHarness.Create(tiktok.BaseUrl, FakeShopTokenSource.For("ROW_access-1"), new Dictionary<string, string?>
        {
            [TikTokShopHarness.Key("TikTokShop:PromotionLockRetryAfter")] = "02:00:00",
        });
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<int, long, Type> DocumentedErrors => new()
    {
        { 401, 106001, typeof(MarketplaceError.Misconfigured) },   // invalid sign: a bug, alert, no retry
        { 401, 36009004, typeof(MarketplaceError.Misconfigured) }, // bad app key / token header / timestamp window
        { 200, 105005, typeof(MarketplaceError.Misconfigured) },   // scope not granted to the app
        { 200, 106013, typeof(MarketplaceError.Misconfigured) },   // shop_cipher missing
        { 403, 36009033, typeof(MarketplaceError.Misconfigured) }, // IP not in the allow-list
        { 404, 36009009, typeof(MarketplaceError.Misconfigured) }, // invalid path
        { 405, 36009010, typeof(MarketplaceError.Misconfigured) }, // invalid method
        { 429, 36009002, typeof(MarketplaceError.RateLimited) },   // too many requests
        { 200, 36009002, typeof(MarketplaceError.RateLimited) },   // the body code alone says so too
        { 200, 36009007, typeof(MarketplaceError.Transient) },     // request timeout
        { 413, 36009021, typeof(MarketplaceError.Rejected) },      // file too large
        { 200, 36009022, typeof(MarketplaceError.Rejected) },      // wrong content type
        { 200, 36009023, typeof(MarketplaceError.Rejected) },      // wrong file type
        { 200, 12019022, typeof(MarketplaceError.NotFound) },      // invalid SKU id: re-map
        { 200, 12052038, typeof(MarketplaceError.Deferred) },      // price locked by a promotion: park
        { 200, 12019120, typeof(MarketplaceError.Rejected) },      // too many product ids
        { 200, 12345678, typeof(MarketplaceError.Rejected) },      // unknown business code on 200: staff must see it
        { 503, 99999999, typeof(MarketplaceError.Transient) },     // unknown code on an overload answer
    };

    [Theory]
    [MemberData(nameof(DocumentedErrors))]
    public async Task SetStatusAsync_DocumentedErrorBody_MapsToTaxonomyAndKeepsRequestId(int status, long code, Type expected)
    {
        // Arrange
        _tiktok.Answer("POST", "/product/202309/products/deactivate", status,
            $$"""{"code":{{code}},"message":"documented error {{code}}","request_id":"202611291400{{code}}","data":null}""");

        // Act
        var results = await _channel.Client.SetStatusAsync([new StatusUpdate("p-1", "OCOP-1", false), new StatusUpdate("p-2", "OCOP-2", false)], Ct);

        // Assert: the whole-call error is on every item, never thrown.
        Assert.Equal(2, results.Count);
        Assert.All(results, r =>
        {
            Assert.IsType(expected, r.Error);
            Assert.Equal($"202611291400{code}", r.Error!.RequestId);
            Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Error.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task SetStatusAsync_PriceLock_IsDeferredForTheConfiguredTime()
    {
        _tiktok.Answer("POST", "/product/202309/products/deactivate", 200, """{"code":12052038,"message":"price locked","request_id":"r"}""");

        var result = Assert.Single(await _channel.Client.SetStatusAsync([new StatusUpdate("p-1", "OCOP-1", false)], Ct));

        Assert.Equal(TimeSpan.FromHours(2), Assert.IsType<MarketplaceError.Deferred>(result.Error).RetryAfter);
    }

    [Fact]
    public async Task SetStatusAsync_429WithoutRetryAfter_WaitsOneSecond()
    {
        _tiktok.Answer("POST", "/product/202309/products/deactivate", 429, """{"code":36009002,"message":"Too many requests","request_id":"r"}""");

        var result = Assert.Single(await _channel.Client.SetStatusAsync([new StatusUpdate("p-1", "OCOP-1", false)], Ct));

        Assert.Equal(TimeSpan.FromSeconds(1), Assert.IsType<MarketplaceError.RateLimited>(result.Error).RetryAfter);
    }

    [Theory]
    [InlineData(502, "<html>Bad gateway</html>", typeof(MarketplaceError.Transient))]
    [InlineData(401, "", typeof(MarketplaceError.AuthExpired))]
    [InlineData(429, "", typeof(MarketplaceError.RateLimited))]
    [InlineData(400, "not json", typeof(MarketplaceError.Rejected))]
    public async Task SetStatusAsync_NoReadableBody_MapsByHttpStatus(int status, string body, Type expected)
    {
        _tiktok.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/product/202309/products/deactivate").UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(status).WithBody(body));

        var result = Assert.Single(await _channel.Client.SetStatusAsync([new StatusUpdate("p-1", "OCOP-1", false)], Ct));

        Assert.IsType(expected, result.Error);
    }

    [Fact]
    public async Task FindBySellerSkuAsync_ErrorBody_ThrowsMarketplaceExceptionWithTheMappedError()
    {
        _tiktok.Answer("POST", "/product/202309/products/search", 401, """{"code":106001,"message":"Invalid sign","request_id":"r-sign"}""");

        var error = await Assert.ThrowsAsync<MarketplaceException>(() => _channel.Client.FindBySellerSkuAsync(["OCOP-1"], Ct));

        Assert.Equal("r-sign", Assert.IsType<MarketplaceError.Misconfigured>(error.Error).RequestId);
    }

    [Fact]
    public async Task SetStatusAsync_ConnectionRefused_IsTransient()
    {
        // Arrange: a port nobody listens on.
        await using var channel = TikTokShopHarness.Create(new Uri("http://127.0.0.1:9/"), FakeShopTokenSource.For("t"));

        // Act
        var result = Assert.Single(await channel.Client.SetStatusAsync([new StatusUpdate("p-1", "OCOP-1", false)], Ct));

        // Assert
        Assert.IsType<MarketplaceError.Transient>(result.Error);
    }

    public ValueTask DisposeAsync() => _channel.DisposeAsync();
}
