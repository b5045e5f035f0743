using System.Text;
using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sync.Listings.Planning;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.Sendo;

/// <summary>
/// The 60 sample products through the real engine and the real Sendo adapter into the Sendo simulator over HTTP, on
/// PostgreSQL, with the channel authorised the way <c>channel authorize</c> does it (login, the code ignored).
/// Content, review and convergence here; changes, drift and tokens in <see cref="SendoEndToEndChangeTests"/>.
/// </summary>
public sealed class SendoEndToEndTests(PostgresServer postgres)
{
    /// <summary>
    /// Expired certificate, no price, a price under Sendo's 8,000 VND (set by the test), revoked certificate, and the
    /// four services (set 26, not sold on Sendo).
    /// </summary>
    internal static readonly string[] NotListed = ["REG-00003", "REG-00008", "REG-00021", "REG-00040", "REG-00057", "REG-00058", "REG-00059", "REG-00060"];

    /// <summary>Converged listings per simulator request at most: creates in tens, one SKU look-up each, login and its check.</summary>
    private const double CallsPerListingBound = 1.5;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sync_SampleProducts_EachListableOneSellsOnceWithItsDesiredValues()
    {
        await using var sendo = await SendoEngineHarness.CreateAsync(postgres);
        sendo.Engine.Registry.Change("REG-00003", p => p["priceVnd"] = 7_000);
        await sendo.AuthorizeAsync();
        await sendo.Engine.PullAsync();

        await sendo.PushUntilSettledAsync();
        sendo.ApproveReviews();

        var row = await sendo.Engine.QueryAsync(db => db.ChannelAuthorizations.AsNoTracking().SingleAsync(Ct));
        Assert.Equal((SendoEngineHarness.ChannelId, "sendo", ChannelAuthorizationStatus.Authorized), (row.ChannelId, row.Marketplace, row.Status));
        var listings = await sendo.ListingsAsync();
        Assert.Equal(60, listings.Count);
        Assert.Equal(NotListed, listings.Where(l => !l.Desired.Active).Select(l => l.RegistryId).Order(StringComparer.Ordinal));
        var listable = listings.Where(l => l.Desired.Active).ToList();
        Assert.Equal(52, listable.Count);
        foreach (var listing in listable)
        {
            Assert.Equal(ListingState.Active, listing.State);
            var item = sendo.Item(listing.RegistryId);
            Assert.Equal(item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), listing.RemoteId);
            Assert.Equal((listing.Desired.Title, listing.Desired.PriceVnd, listing.Desired.Stock, 2, listing.Desired.Stock > 0),
                (item.Name, item.Price, item.StockQuantity, item.Status, item.StockAvailability));
            Assert.True(item.Name.IsNormalized(NormalizationForm.FormC), $"{listing.SellerSku}: name is not NFC");
        }

        // The planner's reasons, by registry id; services and the low price cost Sendo no call.
        Assert.Contains(listings.Single(l => l.RegistryId == "REG-00003").Desired.Reasons, r => r.Code == MarketplaceLimits.PriceOutOfRangeCode);
        Assert.Contains(listings.Single(l => l.RegistryId == "REG-00008").Desired.Reasons, r => r.Code == "certificate.expired");
        Assert.Contains(listings.Single(l => l.RegistryId == "REG-00021").Desired.Reasons, r => r.Code == "price.missing");
        Assert.Contains(listings.Single(l => l.RegistryId == "REG-00057").Desired.Reasons, r => r.Code == "channel.noServices");
        foreach (var id in NotListed)
        {
            Assert.DoesNotContain(sendo.Simulator.Products, p => p.Sku == "OCOP-" + id);
        }

        // Exactly one product per listable SKU, and nothing else in the shop.
        Assert.Equal(52, sendo.Simulator.Products.Count);
        Assert.Equal(52, sendo.Simulator.Products.Select(p => p.Sku).Distinct().Count());

        // Calls per converged listing: every request Sendo saw (login and its check included) over what sells.
        var perListing = (double)sendo.Simulator.Calls.Count / listable.Count;
        TestContext.Current.SendDiagnosticMessage($"Sendo: {sendo.Simulator.Calls.Count} requests for {listable.Count} listings = {perListing:F2} per converged listing ({string.Join(", ", sendo.Simulator.Calls.GroupBy(c => c).Select(g => $"{g.Key} × {g.Count()}"))})");
        Assert.True(perListing <= CallsPerListingBound, $"{perListing:F2} calls per converged listing");
        Assert.Equal(0, sendo.Simulator.LoginsRefused);
    }

    [Fact]
    public async Task Sync_ShortRegistryDescriptions_ListedWithTheirOcopFacts()
    {
        await using var sendo = await SendoEngineHarness.CreateAsync(postgres);
        await sendo.ConvergeAsync();

        var products = (await sendo.Engine.ProductsAsync()).ToDictionary(p => p.RegistryId);
        var listings = await sendo.ListingsAsync();
        var shortOnes = listings.Where(l => l.Desired.Active && (products[l.RegistryId].Data.DescriptionHtml ?? products[l.RegistryId].Data.DescriptionText ?? string.Empty).Length < 100).ToList();

        // Without the facts these would be stopped by description.tooShort: a majority of the samples Sendo could sell.
        TestContext.Current.SendDiagnosticMessage($"Sendo: {shortOnes.Count} of {listings.Count(l => l.Desired.Active)} selling listings have a registry description under 100 characters");
        Assert.True(shortOnes.Count >= 30, $"{shortOnes.Count} short descriptions");
        Assert.DoesNotContain(listings, l => l.Desired.Reasons.Any(r => r.Code == MarketplaceLimits.DescriptionTooShortCode));
        foreach (var listing in shortOnes)
        {
            var sent = sendo.Item(listing.RegistryId).Body["description"]!.GetValue<string>();
            Assert.True(sent.Length >= 100, $"{listing.SellerSku}: {sent.Length} characters sent");
            Assert.Contains("Giấy chứng nhận OCOP: quyết định số ", sent, StringComparison.Ordinal);
        }

        // A description long enough on its own is sent as the registry wrote it.
        Assert.DoesNotContain("Giấy chứng nhận OCOP", sendo.Item("REG-00004").Body["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_ChangeWhilePendingReview_IsDeferredNotFailedAndGoesOutOnceApproved()
    {
        await using var sendo = await SendoEngineHarness.CreateAsync(postgres);
        await sendo.AuthorizeAsync();
        await sendo.Engine.PullAsync();
        await sendo.PushUntilSettledAsync();
        Assert.All(sendo.Simulator.Products, p => Assert.Equal(1, p.Status));
        var before = sendo.Item("REG-00002").Price;

        sendo.Engine.Registry.Change("REG-00002", p => p["priceVnd"] = 229_000);
        await sendo.Engine.PullAsync();
        var writes = sendo.WriteCalls();
        var push = await sendo.PushAsync();

        // Sendo refuses updates to a product in review: the engine parks the change for PendingReviewRetryAfter, uncounted.
        var waiting = (await sendo.ListingsAsync()).Single(l => l.RegistryId == "REG-00002");
        Assert.Equal((ListingState.Active, true, 0, "Deferred"), (waiting.State, waiting.Dirty, waiting.AttemptCount, waiting.LastErrorKind));
        Assert.Contains("pending Sendo's review", waiting.LastError, StringComparison.Ordinal);
        Assert.Equal((1, 0, 0, 1), (push.Claimed, push.Updated, push.Failed, push.Deferred));
        Assert.True(waiting.NextAttemptAt > sendo.Engine.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal((before, writes), (sendo.Item("REG-00002").Price, sendo.WriteCalls()));

        sendo.ApproveReviews();
        await sendo.PushUntilSettledAsync();

        var pushed = (await sendo.ListingsAsync()).Single(l => l.RegistryId == "REG-00002");
        Assert.Equal((2, pushed.Desired.PriceVnd), (sendo.Item("REG-00002").Status, sendo.Item("REG-00002").Price));
        Assert.Equal((ListingState.Active, false), (pushed.State, pushed.Dirty));
        Assert.NotEqual(before, pushed.Desired.PriceVnd);
    }
}
