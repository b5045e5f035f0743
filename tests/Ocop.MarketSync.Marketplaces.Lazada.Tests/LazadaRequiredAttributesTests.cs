using Microsoft.Extensions.Time.Testing;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Lazada.Tests;

/// <summary>
/// Mandatory attributes per channel and per category: a food category requires shelf life, a handicraft does not,
/// and a listing lacking one is refused before any call (so nothing is half-created).
/// </summary>
public sealed class LazadaRequiredAttributesTests : IClassFixture<LazadaWireMock>, IAsyncDisposable
{
    private const string Honey = "10002019";
    private const string Handicraft = "10002510";
    private readonly LazadaWireMock _lazada;
    private readonly LazadaHarness _channel;

    public LazadaRequiredAttributesTests(LazadaWireMock lazada)
    {
        _lazada = lazada;
        _lazada.Reset();
        _channel = LazadaHarness.Create(lazada.Gateway, new FakeTimeProvider(DateTimeOffset.UtcNow), extra: new Dictionary<string, string?>
        {
            [$"Channels:{LazadaHarness.ChannelId}:Lazada:RequiredAttributes:0"] = "country_origin_vn",
            [$"Channels:{LazadaHarness.ChannelId}:Lazada:RequiredAttributesByCategory:{Honey}:0"] = "shelf_life",
        });
        _lazada.Answer("/image/migrate", """{"code":"0","data":{"image":{"url":"https://vn-live-01.slatic.net/p/a.jpg"}},"request_id":"r1"}""");
        _lazada.Answer("/product/create", """{"code":"0","data":{"item_id":11,"sku_list":[{"seller_sku":"OCOP-1","sku_id":22}]},"request_id":"r2"}""");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAsync_FoodCategoryWithoutShelfLife_IsRejectedWithoutACall()
    {
        // Act
        var result = Assert.Single(await _channel.Client.CreateAsync([Listing(Honey, "origin.province")], Ct));

        // Assert
        var rejected = Assert.IsType<MarketplaceError.Rejected>(result.Error);
        Assert.Contains($"category {Honey}: shelf_life", rejected.Message, StringComparison.Ordinal);
        Assert.Empty(_lazada.Requests);
    }

    [Fact]
    public async Task CreateAsync_HandicraftWithoutShelfLife_IsCreatedWithoutIt()
    {
        // Act
        var result = Assert.Single(await _channel.Client.CreateAsync([Listing(Handicraft, "origin.province")], Ct));

        // Assert
        Assert.True(result.Succeeded, result.Error?.Message);
        var attributes = Attributes(_lazada.Requests[^1]);
        Assert.Equal("Đắk Lắk", attributes["country_origin_vn"]!.GetValue<string>());
        Assert.False(attributes.ContainsKey("shelf_life"));
    }

    [Fact]
    public async Task CreateAsync_FoodCategoryWithShelfLife_SendsIt()
    {
        // Act
        var result = Assert.Single(await _channel.Client.CreateAsync([Listing(Honey, "origin.province", "shelfLifeDays")], Ct));

        // Assert
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("730", Attributes(_lazada.Requests[^1])["shelf_life"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateAsync_ChannelWideAttributeMissing_IsRejectedInACategoryWithoutItsOwn()
    {
        // Act
        var result = Assert.Single(await _channel.Client.CreateAsync([Listing(Handicraft, "shelfLifeDays")], Ct));

        // Assert
        Assert.Contains("country_origin_vn", Assert.IsType<MarketplaceError.Rejected>(result.Error).Message, StringComparison.Ordinal);
        Assert.Empty(_lazada.Requests);
    }

    /// <summary>The sample listing in <paramref name="category"/> with only the listed engine attributes.</summary>
    private static CreateListing Listing(string category, params string[] keep)
    {
        var listing = Listings.Create("OCOP-1");
        var attributes = listing.Content.Attributes.Where(a => keep.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        return listing with { Content = listing.Content with { CategoryId = category, Attributes = attributes } };
    }

    private static System.Text.Json.Nodes.JsonObject Attributes(WireMock.IRequestMessage create)
    {
        Assert.Equal("/rest/product/create", create.Path);
        var payload = System.Text.Json.Nodes.JsonNode.Parse(FormRequest.Parameters(create)["payload"])!;
        return payload["Request"]!["Product"]!["Attributes"]!.AsObject();
    }

    public ValueTask DisposeAsync() => _channel.DisposeAsync();
}
