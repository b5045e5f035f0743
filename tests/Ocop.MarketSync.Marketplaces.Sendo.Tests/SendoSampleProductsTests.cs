using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ocop.MarketSync.Sandbox.Registry;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Sendo.Tests;

/// <summary>
/// The project's 60 sample OCOP products through the adapter into the simulator and back: log in, converge (create
/// what Sendo takes, refuse the rest with the reason, no call), change every price, re-push unchanged (reads only, no
/// writes), drift in seller centre and read it back. The listing is built here the simple way, not by the planner.
/// </summary>
public sealed class SendoSampleProductsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SampleProducts_ConvergeChangeQuietRepushAndDrift()
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
        // What Sendo takes, from the data: the description as sent (<p>…</p>) of 100 characters or more, a price from 8,000 VND.
        var takeable = listings.Where(l => SendoWireMapper.DescriptionHtml(l.Content.Description).Length >= 100 && l.PriceVnd >= 8_000)
            .Select(l => l.Content.SellerSku).ToHashSet();
        await using var server = await SimulatorServer.StartAsync();
        var (channel, _) = await server.ChannelAsync(Ct);
        await using var _ = channel;

        // Act 1: converge
        var created = new List<ItemResult>();
        foreach (var chunk in listings.Chunk(channel.Client.Capabilities.BatchSizeOf(MarketplaceOperation.Create)))
        {
            created.AddRange(await channel.Client.CreateAsync(chunk, Ct));
        }

        var posted = server.Simulator.Calls.Count(c => c.StartsWith("POST /api/partner/product", StringComparison.Ordinal) && !c.EndsWith("search", StringComparison.Ordinal));

        // Act 2: change every price by 1,000 đồng, then push the same prices again
        var live = created.Where(r => r.Succeeded).ToList();
        var prices = listings.ToDictionary(l => l.Content.SellerSku, l => l.PriceVnd + 1_000);
        var changes = live.Select(r => new PriceUpdate(r.RemoteId!, r.SellerSku, prices[r.SellerSku])).ToList();
        var changed = await UpdateAsync(channel.Client, changes);
        var writesBefore = Writes(server);
        var quiet = await UpdateAsync(channel.Client, changes);
        var writesAfter = Writes(server);

        // Act 3: drift by hand, read back
        var drifted = server.Simulator.Products.First();
        server.Simulator.EditStock(drifted.Id, 3);
        var paged = new List<RemoteItem>();
        await foreach (var item in channel.Client.PageItemsAsync("OCOP-", Ct))
        {
            paged.Add(item);
        }

        // Assert
        Assert.True(takeable.Count >= 10, $"only {takeable.Count} sample products are takeable by Sendo");
        Assert.True(takeable.Count < listings.Count, "the sample data should hold descriptions too short for Sendo");
        Assert.All(created, r => Assert.Equal(takeable.Contains(r.SellerSku), r.Succeeded));
        Assert.All(created.Where(r => !r.Succeeded), r => Assert.IsType<MarketplaceError.Rejected>(r.Error));
        // One call per batch that holds anything Sendo takes: the refused ones cost no call.
        Assert.Equal(listings.Chunk(10).Count(c => c.Any(l => takeable.Contains(l.Content.SellerSku))), posted);
        Assert.All(changed.Concat(quiet), r => Assert.True(r.Succeeded, $"{r.SellerSku}: {r.Error?.Message}"));
        Assert.Equal(writesBefore, writesAfter);
        Assert.Equal(takeable.Order(), paged.Select(p => p.SellerSku).Order());
        Assert.All(paged, p => Assert.Equal(prices[p.SellerSku], p.PriceVnd));
        Assert.Equal(3, paged.Single(p => p.RemoteId == drifted.Id.ToString(CultureInfo.InvariantCulture)).Stock);
        Assert.All(server.Simulator.Products, p => Assert.True(p.Name.IsNormalized(NormalizationForm.FormC)));
    }

    private static async Task<List<ItemResult>> UpdateAsync(IMarketplaceClient client, List<PriceUpdate> changes)
    {
        var results = new List<ItemResult>();
        foreach (var chunk in changes.Chunk(client.Capabilities.BatchSizeOf(MarketplaceOperation.UpdatePrice)))
        {
            results.AddRange(await client.UpdatePriceAsync(chunk, Ct));
        }

        return results;
    }

    private static int Writes(SimulatorServer server) =>
        server.Simulator.Calls.Count(c => c is "POST /api/partner/product" or "POST /api/partner/product/list");

    private static CreateListing ToListing(JsonObject product)
    {
        var title = $"{product["name"]} – OCOP {product["stars"]}★".Normalize(NormalizationForm.FormC);
        var content = new ListingContent
        {
            SellerSku = "OCOP-" + product["registryId"]!.GetValue<string>(),
            Title = title,
            Description = (product["description"]?.GetValue<string>() ?? string.Empty).Normalize(NormalizationForm.FormC),
            CategoryId = (2000 + product["productSet"]!.GetValue<int>()).ToString(CultureInfo.InvariantCulture),
            Images = [.. product["images"]!.AsArray().Select(i => i!.GetValue<string>())],
            Gtin = product["gtin"]?.GetValue<string>(),
            Attributes = new Dictionary<string, string>(),
        };
        var stock = product["stock"] is { } s && s.GetValueKind() == JsonValueKind.Number ? s.GetValue<int>() : 0;
        return new CreateListing(content, product["priceVnd"]!.GetValue<long>(), Math.Clamp(stock, 0, 99_999), true);
    }
}
