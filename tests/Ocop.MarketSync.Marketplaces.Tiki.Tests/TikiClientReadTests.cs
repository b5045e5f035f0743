using Ocop.MarketSync.Sync.Marketplaces;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Ocop.MarketSync.Marketplaces.Tiki.Tests;

/// <summary>Tracking, lookup and reconciliation paging: what is sent, and how Tiki's answers are read.</summary>
public sealed class TikiClientReadTests : IClassFixture<WireMockTiki>, IAsyncDisposable
{
    private const string Token = "tiki-access-1";
    private readonly WireMockTiki _tiki;
    private readonly TikiHarness _channel;

    public TikiClientReadTests(WireMockTiki tiki)
    {
        _tiki = tiki;
        _tiki.Reset();
        var time = new FixedNowTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        _channel = TikiHarness.Create(tiki.BaseUrl, FakeShopTokenSource.For(Token),
            new Dictionary<string, string?> { [TikiHarness.Key("Tiki:ReconcileFrom")] = "2026-11-01T00:00:00Z" }, time);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("queuing", """{"track_id":"t","state":"queuing"}""", ReviewDecision.Waiting, null, null)]
    [InlineData("drafted", """{"track_id":"t","state":"drafted"}""", ReviewDecision.Waiting, null, null)]
    [InlineData("md_awaiting_approve", """{"track_id":"t","state":"md_awaiting_approve"}""", ReviewDecision.Waiting, null, null)]
    [InlineData("bot_awaiting_approve", """{"track_id":"t","state":"bot_awaiting_approve"}""", ReviewDecision.Waiting, null, null)]
    [InlineData("awaiting_approve", """{"track_id":"t","state":"awaiting_approve"}""", ReviewDecision.Waiting, null, null)]
    [InlineData("approved", """{"track_id":"t","state":"approved","product_id":70001}""", ReviewDecision.Approved, "70001", null)]
    [InlineData("rejected", """{"track_id":"t","state":"rejected","rejected_reasons":[{"code":420,"reason":"Seller product code is not unique"}]}""",
        ReviewDecision.Rejected, null, "420 Seller product code is not unique")]
    [InlineData("rejected", """{"track_id":"t","state":"rejected","reason":"Hình ảnh không đạt yêu cầu"}""", ReviewDecision.Rejected, null, "Hình ảnh không đạt yêu cầu")]
    [InlineData("deleted", """{"track_id":"t","state":"deleted"}""", ReviewDecision.Rejected, null, "Tiki deleted the product request")]
    public async Task TrackReviewsAsync_EachState_MapsToItsDecision(string state, string body, ReviewDecision decision, string? productId, string? reason)
    {
        // Arrange
        _tiki.Answer("GET", "/integration/v2.1/tracking/trk-1", 200, body);

        // Act
        var outcome = Assert.Single(await _channel.Reviews.TrackReviewsAsync(["trk-1"], Ct));

        // Assert
        Assert.Equal(new ReviewOutcome("trk-1", decision, productId, reason, state), outcome);
        Assert.False(outcome.Active);
        var request = Assert.Single(_tiki.Requests);
        Assert.Equal(("GET", "/integration/v2.1/tracking/trk-1"), (request.Method, request.Path));
        WireMockTiki.AssertBearer(request, Token);
    }

    [Fact]
    public async Task TrackReviewsAsync_TrackingFails_Throws()
    {
        _tiki.Answer("GET", "/integration/v2.1/tracking/trk-1", 503, """{"errors":["Service Unavailable"]}""");

        var error = await Assert.ThrowsAsync<MarketplaceException>(() => _channel.Reviews.TrackReviewsAsync(["trk-1"], Ct));

        Assert.IsType<MarketplaceError.Transient>(error.Error);
    }

    [Fact]
    public async Task FindBySellerSkuAsync_FoundAndMissing_ReturnsOnlyTheExactMatch()
    {
        // Arrange
        _tiki.Server.Given(Request.Create().WithPath("/integration/v2/products/findBy").WithParam("original_sku", "OCOP-1").UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(WireMockTiki.Product(70001, "OCOP-1", price: 120_000, quantity: 7, active: 1)));
        _tiki.Answer("GET", "/integration/v2/products/findBy", 404, """{"errors":["Product not found"]}""");

        // Act
        var found = await _channel.Client.FindBySellerSkuAsync(["OCOP-1", "OCOP-2"], Ct);

        // Assert
        var item = Assert.Single(found);
        Assert.Equal(("70001", "OCOP-1", 120_000L, 7, true, "https://tiki.vn/p70001.html"),
            (item.RemoteId, item.SellerSku, item.PriceVnd, item.Stock, item.Active, item.Url));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.FromHours(7)), item.UpdatedAt);
        Assert.Equal(["OCOP-1", "OCOP-2"], _tiki.Requests.Select(r => WireMockTiki.Query(r, "original_sku")));
    }

    [Fact]
    public async Task FindBySellerSkuAsync_RateLimited_Throws()
    {
        _tiki.Answer("GET", "/integration/v2/products/findBy", 429, """{"errors":["Too Many Requests"]}""", new Dictionary<string, string> { ["Retry-After"] = "7" });

        var error = await Assert.ThrowsAsync<MarketplaceException>(() => _channel.Client.FindBySellerSkuAsync(["OCOP-1"], Ct));

        Assert.Equal(TimeSpan.FromSeconds(7), Assert.IsType<MarketplaceError.RateLimited>(error.Error).RetryAfter);
    }

    [Fact]
    public async Task PageItemsAsync_WindowAtTheCap_IsHalvedAndEachHalfPaged()
    {
        // Arrange: the whole month reaches 10,000; its halves do not.
        const string All = "2026-11-01 07:00:00", End = "2026-12-01 07:00:00", Mid = "2026-11-16 07:00:00", MidLess = "2026-11-16 06:59:59";
        List(All, End, 1, """{"data":[],"paging":{"total":10000,"per_page":50,"current_page":1,"last_page":200}}""");
        List(All, MidLess, 1, $$"""{"data":[{{WireMockTiki.Product(1, "OCOP-1")}},{{WireMockTiki.Product(2, "OTHER-2")}}],"paging":{"total":3,"per_page":50,"current_page":1,"last_page":2} }""");
        List(All, MidLess, 2, $$"""{"data":[{{WireMockTiki.Product(3, "OCOP-3")}}],"paging":{"total":3,"per_page":50,"current_page":2,"last_page":2} }""");
        List(Mid, End, 1, $$"""{"data":[{{WireMockTiki.Product(4, "OCOP-4")}},{{WireMockTiki.Product(1, "OCOP-1")}}],"paging":{"total":2,"per_page":50,"current_page":1,"last_page":1} }""");

        // Act
        var items = new List<RemoteItem>();
        await foreach (var item in _channel.Client.PageItemsAsync("OCOP-", Ct))
        {
            items.Add(item);
        }

        // Assert: prefix filtered, each product once.
        Assert.Equal(["OCOP-1", "OCOP-3", "OCOP-4"], items.Select(i => i.SellerSku));
        var requests = _tiki.Requests;
        Assert.Equal(4, requests.Count);
        Assert.All(requests, r =>
        {
            Assert.Equal(("GET", "/integration/v2.1/products"), (r.Method, r.Path));
            Assert.Equal(("inventory", "50"), (WireMockTiki.Query(r, "include"), WireMockTiki.Query(r, "limit")));
            WireMockTiki.AssertBearer(r, Token);
        });
        Assert.Equal([(All, End, "1"), (All, MidLess, "1"), (All, MidLess, "2"), (Mid, End, "1")],
            requests.Select(r => (WireMockTiki.Query(r, "updated_from_date"), WireMockTiki.Query(r, "updated_to_date"), WireMockTiki.Query(r, "page"))));
    }

    private void List(string from, string to, int page, string json) =>
        _tiki.Server.Given(Request.Create().WithPath("/integration/v2.1/products").UsingGet()
                .WithParam("updated_from_date", from).WithParam("updated_to_date", to)
                .WithParam("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(json));

    public ValueTask DisposeAsync() => _channel.DisposeAsync();
}
