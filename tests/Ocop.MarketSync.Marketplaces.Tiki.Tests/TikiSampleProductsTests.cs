using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ocop.MarketSync.Sandbox.Registry;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Tiki.Tests;

/// <summary>
/// The project's 60 sample OCOP products through the adapter into the simulator and back: every shippable product
/// with a price is requested, approved in review, turned on, and read back by reconciliation paging with its price
/// and stock. The listing is built here the simple way (title template cut to 255 characters), not by the planner.
/// </summary>
public sealed class TikiSampleProductsTests : IAsyncLifetime
{
    private SimulatorServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var options = SimulatorServer.DefaultOptions();
        options.ReviewStepDelay = TimeSpan.FromMinutes(5);
        _server = await SimulatorServer.StartAsync(options);
    }

    [Fact]
    public async Task SampleProducts_RequestedApprovedTurnedOn_AllArePagedBackWithPriceAndStock()
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
        await using var channel = TikiHarness.Create(_server.BaseUrl, _server.Tokens());

        // Act: request every product, let the review run, follow the tickets, turn the approved products on.
        var created = new List<ItemResult>();
        foreach (var listing in listings)
        {
            created.AddRange(await channel.Client.CreateAsync([listing], Ct));
        }

        var waiting = await channel.Reviews.TrackReviewsAsync([.. created.Select(c => c.ReviewTicket!)], Ct);
        // Four review states of 5 minutes each; well within the access token's hour.
        _server.Clock.Advance(TimeSpan.FromMinutes(30));
        var decided = await channel.Reviews.TrackReviewsAsync([.. created.Select(c => c.ReviewTicket!)], Ct);
        var status = new List<ItemResult>();
        foreach (var chunk in created.Zip(decided).Chunk(channel.Client.Capabilities.BatchSizeOf(MarketplaceOperation.SetStatus)))
        {
            status.AddRange(await channel.Client.SetStatusAsync([.. chunk.Select(x => new StatusUpdate(x.Second.RemoteId!, x.First.SellerSku, true))], Ct));
        }

        var paged = new List<RemoteItem>();
        await foreach (var item in channel.Client.PageItemsAsync("OCOP-", Ct))
        {
            paged.Add(item);
        }

        // Assert
        Assert.True(listings.Count >= 50, $"only {listings.Count} sample products are shippable with a price");
        Assert.All(created, r => Assert.True(r.Succeeded && r.ReviewTicket is not null, $"{r.SellerSku}: {r.Error?.Message}"));
        Assert.All(waiting, w => Assert.Equal(ReviewDecision.Waiting, w.Decision));
        Assert.All(decided, d => Assert.Equal(ReviewDecision.Approved, d.Decision));
        Assert.All(status, r => Assert.True(r.Succeeded, $"{r.SellerSku}: {r.Error?.Message}"));
        var bySku = paged.ToDictionary(p => p.SellerSku);
        Assert.All(listings, l =>
        {
            var remote = bySku[l.Content.SellerSku];
            Assert.Equal((l.PriceVnd, l.Stock, true, l.Content.Title), (remote.PriceVnd, remote.Stock, remote.Active, remote.Title));
        });
        Assert.Equal(listings.Count, paged.Count);
    }

    private static CreateListing ToListing(JsonObject product)
    {
        var title = $"{product["name"]} – OCOP {product["stars"]}★".Normalize(NormalizationForm.FormC);
        var content = new ListingContent
        {
            SellerSku = "OCOP-" + product["registryId"]!.GetValue<string>(),
            Title = title.Length <= 255 ? title : title[..255].TrimEnd(),
            Description = product["description"]?.GetValue<string>() ?? string.Empty,
            CategoryId = "8" + product["productSet"]!.GetValue<int>().ToString("D3", CultureInfo.InvariantCulture),
            Images = [.. product["images"]!.AsArray().Select(i => i!.GetValue<string>())],
            Gtin = product["gtin"]?.GetValue<string>(),
            Attributes = new Dictionary<string, string>
            {
                ["origin.province"] = product["producer"]?["province"]?.GetValue<string>() ?? string.Empty,
            },
        };
        var stock = product["stock"] is { } s && s.GetValueKind() == JsonValueKind.Number ? s.GetValue<int>() : 0;
        return new CreateListing(content, product["priceVnd"]!.GetValue<long>(), stock, true);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
