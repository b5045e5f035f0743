using Ocop.MarketSync.Sync.Marketplaces;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Ocop.MarketSync.Marketplaces.Sendo.Tests;

/// <summary>Lookup by SKU and reconciliation paging: the exact requests, and what is made of the answers.</summary>
public sealed class SendoClientReadTests(WireMockSendo sendo) : IClassFixture<WireMockSendo>
{
    private const string Token = "eyJhbGciOiJIUzI1NiJ9.e30.token-2";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FindBySellerSkuAsync_Found_GetsBySkuAndMapsTheProduct()
    {
        // Arrange
        sendo.Reset();
        sendo.Ok("GET", "/api/partner/product", SendoClientWriteTests.Product(6601, "OCOP-REG-00021", price: 52_000, stock: 9));
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For(Token));

        // Act
        var item = Assert.Single(await channel.Client.FindBySellerSkuAsync(["OCOP-REG-00021"], Ct));

        // Assert
        var request = Assert.Single(sendo.Requests);
        Assert.Equal(("GET", "/api/partner/product", "?sku=OCOP-REG-00021"), (request.Method, request.Path, new Uri(request.Url).Query));
        WireMockSendo.AssertBearer(request, Token);
        Assert.Equal(("6601", "OCOP-REG-00021", 52_000L, 9, true, false), (item.RemoteId, item.SellerSku, item.PriceVnd, item.Stock, item.Active, item.Banned));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764979200), item.UpdatedAt);
    }

    [Theory]
    [InlineData(404, """{"result":null,"success":false,"error":{"message":"Không tìm thấy sản phẩm"},"status_code":404}""")]
    [InlineData(200, """{"result":null,"success":true,"error":null,"status_code":200}""")]
    public async Task FindBySellerSkuAsync_NotThere_IsAbsentNotAnError(int status, string body)
    {
        // Arrange
        sendo.Reset();
        sendo.Answer("GET", "/api/partner/product", status, body);
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For(Token));

        // Act
        var found = await channel.Client.FindBySellerSkuAsync(["OCOP-REG-00022"], Ct);

        // Assert
        Assert.Empty(found);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public async Task FindBySellerSkuAsync_DeletedProduct_IsAbsent(int status)
    {
        // Arrange
        sendo.Reset();
        sendo.Ok("GET", "/api/partner/product", SendoClientWriteTests.Product(6602, "OCOP-REG-00023", status: status));
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For(Token));

        // Act / Assert
        Assert.Empty(await channel.Client.FindBySellerSkuAsync(["OCOP-REG-00023"], Ct));
    }

    [Fact]
    public async Task FindBySellerSkuAsync_ServerError_Throws()
    {
        // Arrange
        sendo.Reset();
        sendo.Answer("GET", "/api/partner/product", 503, """{"result":null,"success":false,"error":"busy","status_code":503}""");
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For(Token));

        // Act
        var thrown = await Assert.ThrowsAsync<MarketplaceException>(() => channel.Client.FindBySellerSkuAsync(["OCOP-REG-00024"], Ct));

        // Assert
        Assert.IsType<MarketplaceError.Transient>(thrown.Error);
    }

    [Fact]
    public async Task PageItemsAsync_FollowsNextTokenWithPageSize50AndDateWindow_KeepsOurPrefix()
    {
        // Arrange
        sendo.Reset();
        var first = $$"""{"data":[{{SendoClientWriteTests.Product(1, "OCOP-REG-00031")}},{{SendoClientWriteTests.Product(2, "OTHER-1")}}],"total_records":3,"next_token":"tok-2"}""";
        var second = $$"""{"data":[{{SendoClientWriteTests.Product(3, "OCOP-REG-00032", status: 1)}}],"total_records":3,"next_token":null}""";
        sendo.Server.Given(Request.Create().WithPath("/api/partner/product/search").UsingPost()
                .WithBody(new WireMock.Matchers.JsonPartialMatcher("""{"token":"tok-2"}""")))
            .AtPriority(1).RespondWith(Response.Create().WithBody(WireMockSendo.Envelope(second)));
        sendo.Ok("POST", "/api/partner/product/search", first);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 18, 30, 0, TimeSpan.Zero));
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For(Token), time: time);

        // Act
        var items = new List<RemoteItem>();
        await foreach (var item in channel.Client.PageItemsAsync("OCOP-", Ct))
        {
            items.Add(item);
        }

        // Assert
        Assert.Equal(["OCOP-REG-00031", "OCOP-REG-00032"], items.Select(i => i.SellerSku));
        Assert.False(items[1].Active);
        Assert.Collection(sendo.Requests,
            r =>
            {
                Assert.Equal(("POST", "/api/partner/product/search"), (r.Method, r.Path));
                WireMockSendo.AssertBearer(r, Token);
                // 18:30 UTC is already the 7th in Vietnam: the window ends the day after.
                WireMockSendo.AssertJsonBody("""{"page_size":50,"date_from":"2015-01-01","date_to":"2026-12-08"}""", r);
            },
            r => WireMockSendo.AssertJsonBody("""{"page_size":50,"date_from":"2015-01-01","date_to":"2026-12-08","token":"tok-2"}""", r));
    }

    [Fact]
    public async Task PageItemsAsync_SameTokenAgain_StopsWithTransient()
    {
        // Arrange
        sendo.Reset();
        sendo.Ok("POST", "/api/partner/product/search", """{"data":[],"next_token":"loop"}""");
        await using var channel = SendoHarness.Create(sendo.BaseUrl, FakeShopTokenSource.For(Token));

        // Act
        var thrown = await Assert.ThrowsAsync<MarketplaceException>(async () =>
        {
            await foreach (var _ in channel.Client.PageItemsAsync("OCOP-", Ct))
            {
            }
        });

        // Assert
        Assert.IsType<MarketplaceError.Transient>(thrown.Error);
        Assert.Equal(2, sendo.Requests.Count);
    }
}
