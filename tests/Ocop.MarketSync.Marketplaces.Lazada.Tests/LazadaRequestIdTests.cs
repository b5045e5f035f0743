using Microsoft.Extensions.Time.Testing;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Lazada.Tests;

/// <summary>
/// Issue 5: the lazop <c>request_id</c> of the call that decided an item is kept with its result, success or failure,
/// for every operation (the audit trail and support tickets quote it).
/// </summary>
public sealed class LazadaRequestIdTests : IClassFixture<LazadaWireMock>, IAsyncDisposable
{
    private const string Migrated = """{"code":"0","data":{"image":{"url":"https://vn-live-01.slatic.net/p/a.jpg"}},"request_id":"rq-migrate"}""";
    private const string Created = """{"code":"0","data":{"item_id":11,"sku_list":[{"seller_sku":"OCOP-1","sku_id":22}]},"request_id":"rq-create"}""";
    private readonly LazadaWireMock _lazada;
    private readonly LazadaHarness _channel;

    public LazadaRequestIdTests(LazadaWireMock lazada)
    {
        _lazada = lazada;
        _lazada.Reset();
        _channel = LazadaHarness.Create(lazada.Gateway, new FakeTimeProvider(DateTimeOffset.UtcNow));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IMarketplaceClient Client => _channel.Client;

    [Fact]
    public async Task CreateAsync_Created_CarriesTheCreatesRequestId()
    {
        _lazada.Answer("/image/migrate", Migrated);
        _lazada.Answer("/product/create", Created);

        var result = Assert.Single(await Client.CreateAsync([Listings.Create("OCOP-1")], Ct));

        AssertAnswered("rq-create", result, succeeded: true);
    }

    [Fact]
    public async Task CreateAsync_CreateRefused_CarriesTheCreatesRequestId()
    {
        _lazada.Answer("/image/migrate", Migrated);
        _lazada.Answer("/product/create", """{"type":"ISV","code":"4108","message":"country_origin_vn is mandatory","request_id":"rq-create-err"}""");

        var result = Assert.Single(await Client.CreateAsync([Listings.Create("OCOP-1")], Ct));

        AssertAnswered("rq-create-err", result, succeeded: false);
    }

    [Fact]
    public async Task CreateAsync_ImageMigrationRefused_CarriesTheMigrationsRequestId()
    {
        _lazada.Answer("/image/migrate", """{"type":"ISV","code":"4139","message":"image could not be downloaded","request_id":"rq-migrate-err"}""");

        var result = Assert.Single(await Client.CreateAsync([Listings.Create("OCOP-1")], Ct));

        AssertAnswered("rq-migrate-err", result, succeeded: false);
    }

    [Fact]
    public async Task CreateAsync_InactiveAndTheDeactivationFails_CarriesTheDeactivationsRequestId()
    {
        _lazada.Answer("/image/migrate", Migrated);
        _lazada.Answer("/product/create", Created);
        _lazada.Answer("/product/deactivate", """{"type":"ISP","code":"ServiceTimeout","message":"timeout","request_id":"rq-deactivate-err"}""");

        var result = Assert.Single(await Client.CreateAsync([Listings.Create("OCOP-1", active: false)], Ct));

        AssertAnswered("rq-deactivate-err", result, succeeded: false);
        Assert.Equal("11:22", result.RemoteId);
    }

    [Fact]
    public async Task CreateAsync_SellerSkuRepeatAdopted_CarriesTheLookupsRequestId()
    {
        _lazada.Answer("/image/migrate", Migrated);
        _lazada.Answer("/product/create", """{"type":"ISV","code":"4105","message":"SellerSku is repeat","request_id":"rq-repeat"}""");
        _lazada.Answer("/products/get", """
            {"code":"0","request_id":"rq-lookup","data":{"total_products":1,"products":[{"item_id":7,"status":"active","updated_time":"1",
              "attributes":{"name":"x"},"skus":[{"SkuId":8,"SellerSku":"OCOP-1","price":185000,"quantity":12,"Status":"active"}]}]}}
            """);

        var result = Assert.Single(await Client.CreateAsync([Listings.Create("OCOP-1")], Ct));

        AssertAnswered("rq-lookup", result, succeeded: true);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UpdateContentAsync_UpdatedOrRefused_CarriesTheUpdatesRequestId(bool succeeded)
    {
        _lazada.Answer("/image/migrate", Migrated);
        _lazada.Answer("/product/update", succeeded
            ? """{"code":"0","request_id":"rq-update"}"""
            : """{"type":"ISV","code":"4160","message":"title too long","request_id":"rq-update"}""");

        var result = Assert.Single(await Client.UpdateContentAsync([new ContentUpdate("11:22", Listings.Content("OCOP-1"))], Ct));

        AssertAnswered("rq-update", result, succeeded);
    }

    [Theory]
    [InlineData("/product/price_quantity/update")]
    [InlineData("/product/stock/sellable/update")]
    public async Task PriceOrStock_OneSkuAppliedOneNamedInDetail_BothCarryTheCallsRequestId(string apiPath)
    {
        _lazada.AnswerInSequence(apiPath, """{"code":"0","request_id":"rq-ok"}""", """
            {"type":"ISV","code":"500","message":"Some SKUs failed","request_id":"rq-detail",
             "detail":[{"seller_sku":"B","field":"SellerSku","message":"not found","code":"4136"}]}
            """);

        var (first, second) = apiPath.Contains("price", StringComparison.Ordinal)
            ? (await Client.UpdatePriceAsync([new PriceUpdate("1:2", "A", 1000)], Ct), await Client.UpdatePriceAsync([new PriceUpdate("3:4", "B", 2000)], Ct))
            : (await Client.UpdateStockAsync([new StockUpdate("1:2", "A", 1)], Ct), await Client.UpdateStockAsync([new StockUpdate("3:4", "B", 2)], Ct));

        AssertAnswered("rq-ok", Assert.Single(first), succeeded: true);
        AssertAnswered("rq-detail", Assert.Single(second), succeeded: false);
    }

    [Theory]
    [InlineData(false, "/product/deactivate", true)]
    [InlineData(false, "/product/deactivate", false)]
    [InlineData(true, "/product/update", true)]
    [InlineData(true, "/product/update", false)]
    public async Task SetStatusAsync_UnlistOrRelist_CarriesTheCallsRequestId(bool active, string apiPath, bool succeeded)
    {
        _lazada.Answer(apiPath, succeeded
            ? """{"code":"0","request_id":"rq-status"}"""
            : """{"type":"ISV","code":"E0002","message":"item not found","request_id":"rq-status"}""");

        var result = Assert.Single(await Client.SetStatusAsync([new StatusUpdate("11:22", "OCOP-1", active)], Ct));

        AssertAnswered("rq-status", result, succeeded);
    }

    [Fact]
    public async Task PageItemsAsync_Refused_TheErrorCarriesItsRequestId()
    {
        _lazada.Answer("/products/get", """{"type":"ISV","code":"InsufficientPermission","message":"no permission","request_id":"rq-page"}""");

        var error = await Assert.ThrowsAsync<MarketplaceException>(async () => await Client.PageItemsAsync("OCOP-", Ct).ToListAsync(Ct));

        Assert.Equal("rq-page", error.Error.RequestId);
    }

    /// <summary>The result (and its error, if any) names the request that decided it.</summary>
    private static void AssertAnswered(string requestId, ItemResult result, bool succeeded)
    {
        Assert.True(succeeded == result.Succeeded, result.Error?.Message ?? "succeeded");
        Assert.Equal(requestId, result.RequestId);
        if (result.Error is { } error)
        {
            Assert.Equal(requestId, error.RequestId);
        }
    }

    public ValueTask DisposeAsync() => _channel.DisposeAsync();
}
