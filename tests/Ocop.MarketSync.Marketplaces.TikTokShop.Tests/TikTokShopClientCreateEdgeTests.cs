using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.TikTokShop.Tests;

/// <summary>Creates that cannot be trusted or cannot start: no images, an image host that refuses, an answer without an id.</summary>
public sealed class TikTokShopClientCreateEdgeTests : IClassFixture<WireMockTikTok>, IAsyncDisposable
{
    private readonly WireMockTikTok _tiktok;
    private readonly TikTokShopHarness _channel;

    public TikTokShopClientCreateEdgeTests(WireMockTikTok tiktok)
    {
        _tiktok = tiktok;
        _tiktok.Reset();
        _channel = TikTokShopHarness.Create(tiktok.BaseUrl, FakeShopTokenSource.For("ROW_access-1"));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAsync_NoImages_IsRejectedWithoutACall()
    {
        var listing = Listings.Create("OCOP-1", _tiktok.BaseUrl);

        var result = Assert.Single(await _channel.Client.CreateAsync([listing with { Content = listing.Content with { Images = [] } }], Ct));

        Assert.IsType<MarketplaceError.Rejected>(result.Error);
        Assert.Empty(_tiktok.Requests);
    }

    [Fact]
    public async Task CreateAsync_ImageHostAnswers404_IsRejectedAndNothingIsCreated()
    {
        _tiktok.Answer("GET", "/images/honey-1.jpg", 404, "{}");

        var result = Assert.Single(await _channel.Client.CreateAsync([Listings.Create("OCOP-1", _tiktok.BaseUrl)], Ct));

        Assert.IsType<MarketplaceError.Rejected>(result.Error);
        Assert.DoesNotContain(_tiktok.Requests, r => r.Path.StartsWith("/product/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateAsync_AnswerWithoutProductId_IsTransientSoTheEngineLooksTheSkuUp()
    {
        // Arrange
        _tiktok.Ok("POST", "/product/202309/images/upload", """{"uri":"tos-1/abc"}""");
        _tiktok.Ok("POST", "/product/202309/products", """{"skus":[]}""", "req-odd");

        // Act
        var result = Assert.Single(await _channel.Client.CreateAsync([Listings.Create("OCOP-1", _tiktok.BaseUrl)], Ct));

        // Assert
        Assert.Equal("req-odd", Assert.IsType<MarketplaceError.Transient>(result.Error).RequestId);
        Assert.Null(result.RemoteId);
    }

    [Fact]
    public async Task CreateAsync_TwoListingsSharingAnImage_UploadsItOnce()
    {
        // Arrange
        _tiktok.Ok("POST", "/product/202309/images/upload", """{"uri":"tos-1/abc"}""");
        _tiktok.Ok("POST", "/product/202309/products", """{"product_id":"1","skus":[{"id":"s1","seller_sku":"OCOP-1"}]}""");

        // Act
        var results = await _channel.Client.CreateAsync([Listings.Create("OCOP-1", _tiktok.BaseUrl), Listings.Create("OCOP-2", _tiktok.BaseUrl)], Ct);

        // Assert
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        Assert.Single(_tiktok.Requests, r => r.Path == "/product/202309/images/upload");
        Assert.Equal(2, _tiktok.Requests.Count(r => r.Path == "/product/202309/products"));
    }

    public ValueTask DisposeAsync() => _channel.DisposeAsync();
}
