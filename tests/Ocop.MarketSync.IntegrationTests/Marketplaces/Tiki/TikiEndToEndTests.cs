using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.Tiki;

/// <summary>
/// The 60 sample products through the real engine and the real Tiki adapter into the Tiki simulator over HTTP, on
/// PostgreSQL: every create goes through Tiki's review (a product request followed by its track id), approved
/// products are turned on, and price, stock and status go by updateSkus with a read-back.
/// </summary>
public sealed partial class TikiEndToEndTests(PostgresServer postgres)
{
    /// <summary>Expired certificate, no price, revoked certificate, and the four services (set 26, not sold on Tiki).</summary>
    private static readonly string[] NotListed = ["REG-00008", "REG-00021", "REG-00040", "REG-00057", "REG-00058", "REG-00059", "REG-00060"];

    private const int Listable = 53;

    private const string Requests = "POST /integration/v2.1/requests";
    private const string Tracking = "GET /integration/v2.1/tracking/{track_id}";

    private const string UpdateSkus = "PUT /integration/v2.1/products/updateSkus";

    private const string UpdateProductInfo = "POST /integration/v2/requests/updateProductInfo";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Authorize_SellerDoesNotLetAppsUpdateProducts_IsRefusedWithWhatToDo()
    {
        await using var tiki = await TikiEngineHarness.CreateAsync(postgres, o => o.CanUpdateProduct = false);

        var error = await Assert.ThrowsAsync<MarketplaceException>(tiki.AuthorizeAsync);

        Assert.IsType<MarketplaceError.Misconfigured>(error.Error);
        Assert.Contains("can_update_product=0", error.Message, StringComparison.Ordinal);
        Assert.Contains("Seller Center", error.Message, StringComparison.Ordinal);
        Assert.Contains(TikiEngineHarness.ChannelId, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await tiki.Engine.QueryAsync(db => db.ChannelAuthorizations.CountAsync(Ct)));
    }

    [Fact]
    public async Task Sync_SampleProducts_AreRequestedOnceReviewedApprovedAndTurnedOn()
    {
        await using var tiki = await TikiEngineHarness.CreateAsync(postgres);
        await tiki.AuthorizeAsync();
        await tiki.Engine.PullAsync();

        // First push: product requests only; nothing exists at Tiki until the review ends.
        await tiki.PushUntilSettledAsync();

        var listings = await tiki.ListingsAsync();
        Assert.Equal(60, listings.Count);
        Assert.Equal(NotListed, listings.Where(l => !l.Desired.Active).Select(l => l.RegistryId).Order(StringComparer.Ordinal));
        var listable = listings.Where(l => l.Desired.Active).ToList();
        Assert.Equal(Listable, listable.Count);
        var requests = tiki.Simulator.Requests.ToDictionary(r => r.TrackId);
        foreach (var listing in listable)
        {
            Assert.Equal((ListingState.InReview, (string?)null), (listing.State, listing.RemoteId));
            Assert.Equal(listing.SellerSku, requests[listing.ReviewTicket!].Draft.OriginalSku);
        }

        Assert.Equal(Listable, tiki.Calls(Requests));
        Assert.Empty(tiki.Simulator.Products);

        // A push while Tiki is still reviewing requests nothing again, and asks nothing about tickets it asked moments ago.
        var tracked = tiki.Calls(Tracking);
        await tiki.PushAsync();
        Assert.Equal(Listable, tiki.Calls(Requests));
        Assert.Equal(tracked, tiki.Calls(Tracking));
        Assert.All(await tiki.ListingsAsync(), l => Assert.NotEqual(ListingState.Active, l.State));

        // Review over: the next push binds each approved product and turns it on.
        tiki.LetReviewsFinish();
        await tiki.PushUntilSettledAsync();

        listings = await tiki.ListingsAsync();
        foreach (var listing in listings.Where(l => l.Desired.Active))
        {
            Assert.Equal((ListingState.Active, (string?)null), (listing.State, listing.ReviewTicket));
            var product = tiki.Item(listing.RegistryId);
            Assert.Equal(product.ProductId.ToString(CultureInfo.InvariantCulture), listing.RemoteId);
            Assert.Equal((listing.Desired.Title, listing.Desired.PriceVnd, listing.Desired.Stock, true),
                (product.Name, product.Price, product.Quantity, product.Active));
        }

        // Exactly one product per listable SKU, each requested once.
        Assert.Equal(Listable, tiki.Simulator.Products.Count);
        Assert.Equal(Listable, tiki.Simulator.Products.Select(p => p.OriginalSku).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Listable, tiki.Calls(Requests));
        Assert.Equal(Listable, tiki.Simulator.Requests.Count);
        foreach (var id in NotListed)
        {
            Assert.DoesNotContain(tiki.Simulator.Products, p => p.OriginalSku == "OCOP-" + id);
        }

        // The whole conversation, token and seller check included, per listing that ended on sale: per listing one
        // findBy, one request, one tracking call per question about an open ticket (two here: the settling round and
        // the push after the review; the push during it finds every ticket asked moments before), a read-back of the status write, and the batched updateSkus.
        var perListing = (double)tiki.TotalCalls() / listings.Count(l => l.State == ListingState.Active);
        var byRoute = string.Join(", ", TikiEngineHarness.Routes.Where(r => tiki.Calls(r) > 0).Select(r => FormattableString.Invariant($"{r}: {tiki.Calls(r)}")));
        TestContext.Current.TestOutputHelper?.WriteLine(FormattableString.Invariant(
            $"Tiki: {tiki.TotalCalls()} simulator requests for {Listable} converged listings = {perListing:F2} calls per listing ({byRoute})"));
        Assert.True(perListing <= 5.5, $"{perListing:F2} calls per converged listing");
    }

    [Fact]
    public async Task Sync_RegistryPriceAndStockChange_GoByUpdateSkusAndAQuietPushCallsNothing()
    {
        await using var tiki = await TikiEngineHarness.CreateAsync(postgres);
        await tiki.AuthorizeAsync();
        await tiki.Engine.PullAsync();
        await tiki.ConvergeAsync();
        var skus = tiki.Calls(UpdateSkus);
        var reads = tiki.Calls("GET /integration/v2.1/products/{product_id}");

        tiki.Engine.Registry.Change("REG-00002", p => p["priceVnd"] = 229000);
        tiki.Engine.Registry.Change("REG-00003", p => p["stock"] = 17);
        await tiki.Engine.PullAsync();
        await tiki.PushUntilSettledAsync();

        Assert.Equal((229000L, 17), (tiki.Item("REG-00002").Price, tiki.Item("REG-00003").Quantity));
        Assert.Equal(skus + 2, tiki.Calls(UpdateSkus));
        // Each write is read back (Tiki has answered success without applying it, #295).
        Assert.Equal(reads + 2, tiki.Calls("GET /integration/v2.1/products/{product_id}"));
        Assert.Equal(0, tiki.Calls(UpdateProductInfo));
        Assert.Equal(Listable, tiki.Calls(Requests));

        // Nothing changed since: a full re-pull and a push make no call to Tiki at all, not even to track reviews.
        var calls = tiki.TotalCalls();
        await tiki.Engine.PullFullAsync();
        var quiet = await tiki.PushAsync();

        Assert.Equal((0, 0), (quiet.Claimed, quiet.Calls));
        Assert.Equal(calls, tiki.TotalCalls());
    }

    [Fact]
    public async Task Sync_ContentChangeOfALiveProduct_GoesToReviewWhilePriceAndStockStillGo()
    {
        await using var tiki = await TikiEngineHarness.CreateAsync(postgres);
        await tiki.AuthorizeAsync();
        await tiki.Engine.PullAsync();
        await tiki.ConvergeAsync();
        var before = tiki.Item("REG-00002");

        tiki.Engine.Registry.Change("REG-00002", p => p["name"] = "Gạo ST25 hữu cơ túi 5kg vụ mới");
        await tiki.Engine.PullAsync();
        await tiki.PushUntilSettledAsync();

        var listing = (await tiki.ListingsAsync()).Single(l => l.RegistryId == "REG-00002");
        Assert.Equal(1, tiki.Calls(UpdateProductInfo));
        Assert.NotNull(listing.ReviewTicket);
        Assert.Equal((ListingState.Active, before.ProductId.ToString(CultureInfo.InvariantCulture)), (listing.State, listing.RemoteId));
        Assert.Equal((before.Name, true), (tiki.Item("REG-00002").Name, tiki.Item("REG-00002").Active));

        // While the new content is reviewed, price and stock still reach the live product; the content is not sent twice.
        tiki.Engine.Registry.Change("REG-00002", p =>
        {
            p["priceVnd"] = 219000;
            p["stock"] = 700;
        });
        await tiki.Engine.PullAsync();
        await tiki.PushUntilSettledAsync();

        Assert.Equal((219000L, 700, before.Name), (tiki.Item("REG-00002").Price, tiki.Item("REG-00002").Quantity, tiki.Item("REG-00002").Name));
        Assert.Equal(1, tiki.Calls(UpdateProductInfo));

        // Approved: the new name is on the same product, the listing is settled.
        tiki.LetReviewsFinish();
        await tiki.PushUntilSettledAsync();

        listing = (await tiki.ListingsAsync()).Single(l => l.RegistryId == "REG-00002");
        var after = tiki.Item("REG-00002");
        Assert.Equal((before.ProductId, true, 219000L), (after.ProductId, after.Active, after.Price));
        Assert.Contains("vụ mới", after.Name, StringComparison.Ordinal);
        Assert.Equal((ListingState.Active, (string?)null, false), (listing.State, listing.ReviewTicket, listing.Dirty));
        Assert.Equal(listing.Desired.Title, after.Name);
    }
}
