using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Listings.Push;
using Ocop.MarketSync.Sync.Listings.Reconciliation;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Sync.Operations;

public sealed class RemoteComparisonTests
{
    private static readonly DateTime Started = new(2026, 11, 29, 3, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = Started.AddSeconds(30);

    private static ChannelReconciler.Pass NewPass() =>
        new(new ReconciliationRun { Id = 11, ChannelId = "shop-a", RequestedBy = "test" }, "sandbox", Started);

    private static RemoteItem RemoteOf(Listing listing, long? price = null, int? stock = null, bool? active = null, string? title = null, bool banned = false) =>
        new(listing.RemoteId ?? "remote-x", listing.SellerSku, listing.RemoteUrl, title ?? listing.Desired.Title,
            price ?? listing.Desired.PriceVnd, stock ?? listing.Desired.Stock, active ?? listing.Desired.Active, banned, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Apply_RemoteAsDesired_IsInSyncAndMarkedSeen()
    {
        var pass = NewPass();
        var listing = TestListings.Pushed();

        Assert.Null(RemoteComparison.Apply(pass, listing, RemoteOf(listing), Now));

        Assert.Equal((1, 11L, false), (pass.Run.InSync, listing.LastReconciledRunId!.Value, listing.Dirty));
    }

    [Fact]
    public void Apply_PriceEditedInSellerCentre_MarksOnlyPriceDirtyWithTheValuesInTheDetail()
    {
        var pass = NewPass();
        var listing = TestListings.Pushed();

        var finding = RemoteComparison.Apply(pass, listing, RemoteOf(listing, price: 1_000), Now);

        Assert.Equal((ReconciliationFindingKind.Drifted, ListingAspect.Price), (finding!.Kind, finding.Aspects));
        Assert.Equal("price 1000 on the marketplace, expected 237000", finding.Detail);
        Assert.Equal(ListingAspect.Price, listing.DirtyAspects());
        Assert.True(listing.Dirty);
        Assert.Null(listing.NextAttemptAt);
        Assert.Equal((1, 1), (pass.Run.DriftedPrice, pass.Repaired));
    }

    [Fact]
    public void Apply_DirtyAspectDiffers_IsNotDriftBecauseItIsAboutToBePushed()
    {
        var pass = NewPass();
        var listing = TestListings.Pushed();
        listing.DesiredStockHash = "stock-2";

        Assert.Null(RemoteComparison.Apply(pass, listing, RemoteOf(listing, stock: 3), Now));
        Assert.Equal(0, pass.Run.DriftedStock);
    }

    [Fact]
    public void Apply_DelistedListingWithOldTitleAndPrice_ComparesOnlyStatusAndStock()
    {
        var pass = NewPass();
        var listing = TestListings.Pushed(active: false);

        Assert.Null(RemoteComparison.Apply(pass, listing, RemoteOf(listing, price: 1, title: "Tên cũ – OCOP 4★"), Now));
        Assert.Equal(1, pass.Run.InSync);
    }

    [Fact]
    public void Apply_ActiveAtZeroStockShownUnavailable_IsInSync()
    {
        // Sendo turns stock_availability off at 0 by its own rule: an active listing with nothing to sell reads inactive.
        var pass = NewPass();
        var listing = TestListings.Pushed();
        listing.Desired = listing.Desired with { Stock = 0 };

        Assert.Null(RemoteComparison.Apply(pass, listing, RemoteOf(listing, active: false), Now));
        Assert.Equal((1, 0), (pass.Run.InSync, pass.Run.DriftedStatus));
    }

    [Fact]
    public void Apply_DeactivatedWithStockLeft_IsStatusDrift()
    {
        var pass = NewPass();
        var listing = TestListings.Pushed();

        var finding = RemoteComparison.Apply(pass, listing, RemoteOf(listing, active: false), Now);

        Assert.Equal(ListingAspect.Status, finding!.Aspects);
        Assert.Equal(1, pass.Run.DriftedStatus);
    }

    [Fact]
    public void Apply_BannedRemotely_ParksTheListing()
    {
        var pass = NewPass();
        var listing = TestListings.Pushed();

        var finding = RemoteComparison.Apply(pass, listing, RemoteOf(listing, banned: true, active: false), Now);

        Assert.Equal(ReconciliationFindingKind.Banned, finding!.Kind);
        Assert.Equal((ListingState.Banned, RetryPolicy.Parked), (listing.State, listing.NextAttemptAt!.Value));
    }

    [Fact]
    public void Apply_PushedDuringTheWalk_IsSkippedNotJudged()
    {
        var pass = NewPass();
        var listing = TestListings.Pushed();
        listing.LastPushedAt = Started.AddSeconds(1);

        Assert.Null(RemoteComparison.Apply(pass, listing, RemoteOf(listing, price: 1), Now));
        Assert.Equal((1, 0), (pass.Run.SkippedBusy, pass.Run.DriftedPrice));
    }

    [Fact]
    public void Apply_NoListingOrASecondItemForOneSku_IsAnOrphanAndNothingIsChanged()
    {
        var pass = NewPass();
        var listing = TestListings.Pushed();
        var other = RemoteOf(listing) with { RemoteId = "remote-dup" };

        Assert.Equal(ReconciliationFindingKind.Orphaned, RemoteComparison.Apply(pass, null, other, Now)!.Kind);
        Assert.Equal(ReconciliationFindingKind.Orphaned, RemoteComparison.Apply(pass, listing, other, Now)!.Kind);
        Assert.Equal(("remote-2", 2), (listing.RemoteId, pass.Run.Orphaned));
    }

    [Fact]
    public void Missing_ActiveListing_ForgetsTheRemoteItemSoThePushLooksUpThenCreates()
    {
        var pass = NewPass();
        var listing = TestListings.Pushed();

        var finding = RemoteComparison.Missing(pass, listing, Now);

        Assert.Equal(("remote-2", ReconciliationFindingKind.Missing), (finding!.RemoteId, finding.Kind));
        Assert.Null(listing.RemoteId);
        Assert.Equal((ListingState.Pending, ListingAspect.All, true), (listing.State, listing.DirtyAspects(), listing.Dirty));
    }
}
