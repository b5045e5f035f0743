using System.Globalization;
using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.Tiki;

/// <summary>Rejections in Tiki's review: parked with Tiki's reason, not requested again until the content changes.</summary>
public sealed partial class TikiEndToEndTests
{
    [Fact]
    public async Task Review_BannedWordInTheName_IsRejectedWithTikisReasonAndRequestedAgainOnlyOnceTheContentChanges()
    {
        await using var tiki = await TikiEngineHarness.CreateAsync(postgres);
        await tiki.AuthorizeAsync();
        var original = string.Empty;
        tiki.Engine.Registry.Change("REG-00010", p =>
        {
            original = p["name"]!.GetValue<string>();
            p["name"] = original + " thần dược";
        });
        await tiki.Engine.PullAsync();

        await tiki.ConvergeAsync();

        var rejected = await ListingAsync(tiki, "REG-00010");
        Assert.Equal(ListingState.Rejected, rejected.State);
        Assert.Contains("prohibited word: 'thần dược'", rejected.LastError, StringComparison.Ordinal);
        Assert.Contains("403", rejected.LastError, StringComparison.Ordinal);
        Assert.Null(rejected.ReviewTicket);
        Assert.DoesNotContain(tiki.Simulator.Products, p => p.OriginalSku == "OCOP-REG-00010");
        Assert.Equal(Listable - 1, (await tiki.ListingsAsync()).Count(l => l.State == ListingState.Active));

        // Nothing changed: later pushes leave it alone (the same content would be rejected again).
        var requests = tiki.Calls(Requests);
        tiki.Engine.Clock.Advance(TimeSpan.FromHours(2));
        await tiki.PushUntilSettledAsync();
        await tiki.PushAsync();
        Assert.Equal(requests, tiki.Calls(Requests));
        Assert.Equal(ListingState.Rejected, (await ListingAsync(tiki, "REG-00010")).State);

        // The name is fixed in the registry: a new request, approved, on sale.
        tiki.Engine.Registry.Change("REG-00010", p => p["name"] = original);
        await tiki.Engine.PullAsync();
        await tiki.ConvergeAsync();

        var listing = await ListingAsync(tiki, "REG-00010");
        var product = tiki.Item("REG-00010");
        Assert.Equal(requests + 1, tiki.Calls(Requests));
        Assert.Equal((ListingState.Active, product.ProductId.ToString(CultureInfo.InvariantCulture)), (listing.State, listing.RemoteId));
        Assert.Equal((listing.Desired.Title, true), (product.Name, product.Active));
    }

    /// <summary>
    /// The known gap of Tiki's findBy: it sees products, not requests under review. A request made elsewhere for the
    /// same SKU makes the engine's own request a duplicate (420); once that other request is approved, a content
    /// change lets the engine find and adopt the product instead of requesting it again.
    /// </summary>
    [Fact]
    public async Task Review_SkuAlreadyRequestedElsewhere_IsRejectedAsNotUniqueAndTheProductIsAdoptedOnceItExists()
    {
        await using var tiki = await TikiEngineHarness.CreateAsync(postgres);
        await tiki.AuthorizeAsync();
        await tiki.RequestElsewhereAsync("OCOP-REG-00011", "Sản phẩm tạo ngoài hệ thống");
        await tiki.Engine.PullAsync();

        await tiki.ConvergeAsync();

        var rejected = await ListingAsync(tiki, "REG-00011");
        Assert.Equal((ListingState.Rejected, (string?)null), (rejected.State, rejected.RemoteId));
        Assert.Contains("420 Seller product code is not unique", rejected.LastError, StringComparison.Ordinal);
        var existing = tiki.Item("REG-00011");
        var requests = tiki.Calls(Requests);
        await tiki.PushUntilSettledAsync();
        Assert.Equal(requests, tiki.Calls(Requests));

        // A change to the content: findBy sees the approved product now; it is adopted and made as desired.
        tiki.Engine.Registry.Change("REG-00011", p => p["description"] = p["description"]!.GetValue<string>() + " Mùa vụ 2026.");
        await tiki.Engine.PullAsync();
        await tiki.ConvergeAsync();

        var listing = await ListingAsync(tiki, "REG-00011");
        var product = tiki.Item("REG-00011");
        Assert.Equal(requests, tiki.Calls(Requests));
        Assert.Equal(existing.ProductId, product.ProductId);
        Assert.Equal((ListingState.Active, product.ProductId.ToString(CultureInfo.InvariantCulture)), (listing.State, listing.RemoteId));
        Assert.Equal((listing.Desired.Title, listing.Desired.PriceVnd, listing.Desired.Stock, true), (product.Name, product.Price, product.Quantity, product.Active));
    }

    private static async Task<Listing> ListingAsync(TikiEngineHarness tiki, string registryId) =>
        (await tiki.ListingsAsync()).Single(l => l.RegistryId == registryId);
}
