using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ocop.MarketSync.Sandbox.Registry;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.TikTokShop.Tests;

/// <summary>
/// The project's 60 sample OCOP products through the adapter into the simulator and back: every shippable product
/// with a price is created, and reconciliation paging reads each back with its price and stock. The listing is built
/// here the simple way (title template, cut to TikTok's 255 characters; images served by the test host), not by the
/// engine's planner.
/// </summary>
public sealed class TikTokShopSampleProductsTests : IAsyncLifetime
{
    private readonly SimulatorServer _server = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var options = SimulatorServer.DefaultOptions();
        options.RequestsPerSecond = 0; // the rate limit has its own test; this one is about the data
        await _server.StartAsync(options);
    }

    [Fact]
    public async Task CreateAsync_SampleProducts_AllShippableOnesAreListedAndPagedBack()
    {
        // Arrange
        JsonArray products;
        await using (var stream = RegistrySandbox.OpenSampleData())
        {
            products = (JsonArray)(await JsonNode.ParseAsync(stream, cancellationToken: Ct))!;
        }

        var listings = products.OfType<JsonObject>()
            .Where(p => p["productSet"]!.GetValue<int>() != 26 && p["priceVnd"] is not null)
            .Select(ToListing)
            .ToList();
        await using var channel = TikTokShopHarness.Create(_server.BaseUrl, _server.Tokens());

        // Act
        var results = new List<ItemResult>();
        foreach (var listing in listings)
        {
            results.AddRange(await channel.Client.CreateAsync([listing], Ct));
        }

        var paged = new List<RemoteItem>();
        await foreach (var item in channel.Client.PageItemsAsync("OCOP-", Ct))
        {
            paged.Add(item);
        }

        // Assert
        Assert.True(listings.Count >= 50, $"only {listings.Count} sample products are shippable with a price");
        Assert.All(results, r => Assert.True(r.Succeeded, $"{r.SellerSku}: {r.Error?.Message}"));
        var bySku = paged.ToDictionary(p => p.SellerSku);
        Assert.All(listings, l =>
        {
            var remote = bySku[l.Content.SellerSku];
            Assert.Equal((l.PriceVnd, l.Stock, true), (remote.PriceVnd, remote.Stock, remote.Active));
            Assert.Equal(l.Content.Title, remote.Title);
        });
        Assert.Equal(listings.Count, paged.Count);
    }

    private CreateListing ToListing(JsonObject product)
    {
        var title = $"{product["name"]} – OCOP {product["stars"]}★".Normalize(NormalizationForm.FormC);
        var images = product["images"]!.AsArray().Select((_, i) => new Uri(_server.BaseUrl,
            $"images/{product["registryId"]}-{i}.jpg").ToString()).ToList();
        var content = new ListingContent
        {
            SellerSku = "OCOP-" + product["registryId"]!.GetValue<string>(),
            Title = title.Length <= 255 ? title : title[..255].TrimEnd(),
            Description = product["description"]?.GetValue<string>() ?? string.Empty,
            CategoryId = "6000" + product["productSet"]!.GetValue<int>().ToString("D2", CultureInfo.InvariantCulture),
            Images = images,
            Gtin = product["gtin"]?.GetValue<string>(),
            Attributes = new Dictionary<string, string>
            {
                ["origin.province"] = product["producer"]?["province"]?.GetValue<string>() ?? string.Empty,
                ["shelfLifeDays"] = product["shelfLifeDays"]?.ToJsonString() ?? string.Empty,
            },
        };
        var stock = product["stock"] is { } s && s.GetValueKind() == JsonValueKind.Number ? s.GetValue<int>() : 0;
        return new CreateListing(content, product["priceVnd"]!.GetValue<long>(), Math.Min(stock, 99_999), true);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
