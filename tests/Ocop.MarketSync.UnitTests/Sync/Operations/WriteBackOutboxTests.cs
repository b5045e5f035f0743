using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Listings.Journal;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Sync.Operations;

public sealed class WriteBackOutboxTests
{
    private static readonly DateTime At = new(2026, 11, 29, 3, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(ListingState.Pending, ListingState.Active, "active")]
    [InlineData(ListingState.Active, ListingState.Delisted, "delisted")]
    [InlineData(ListingState.Active, ListingState.Banned, "delisted")]
    [InlineData(ListingState.Active, ListingState.Pending, "delisted")]
    [InlineData(ListingState.Active, ListingState.Failing, null)]
    [InlineData(ListingState.Active, ListingState.Rejected, null)]
    [InlineData(ListingState.Pending, ListingState.Failing, null)]
    [InlineData(ListingState.Active, ListingState.Active, null)]
    public void For_StateChange_WritesBackOnlyWhatTheRegistryShows(ListingState before, ListingState after, string? expected)
    {
        var listing = TestListings.Pushed();
        listing.State = after;

        var change = WriteBackOutbox.For(listing, new WriteBackOutbox.Snapshot(before, listing.RemoteUrl), "sandbox", At);

        Assert.Equal(expected, change?.State);
    }

    [Fact]
    public void For_UrlChangedWhileActive_WritesBackTheNewUrlWithAKeyOfItsOwn()
    {
        var listing = TestListings.Pushed();
        var first = WriteBackOutbox.For(listing, new WriteBackOutbox.Snapshot(ListingState.Pending, null), "sandbox", At)!;
        listing.RemoteUrl = "https://shop.example.com/item/new";

        var second = WriteBackOutbox.For(listing, new WriteBackOutbox.Snapshot(ListingState.Active, "https://shop.example.com/item/remote-2"), "sandbox", At.AddMinutes(1))!;

        Assert.Equal("https://shop.example.com/item/new", second.Url);
        Assert.NotEqual(first.Key, second.Key);
        Assert.Equal(first.Key, WriteBackOutbox.For(listing, new WriteBackOutbox.Snapshot(ListingState.Pending, null), "sandbox", At)!.Key);
    }

    [Fact]
    public void For_Delisted_CarriesTheReasonsAndNoUrl()
    {
        var listing = TestListings.Pushed(active: false);
        listing.Desired = listing.Desired with { Reasons = [new ProductIssue("certificate.expired", "certificate expired on 2026-11-29", IssueSeverity.Ineligible)] };

        var change = WriteBackOutbox.For(listing, new WriteBackOutbox.Snapshot(ListingState.Active, listing.RemoteUrl), "sandbox", At)!;

        Assert.Equal(("delisted", null, "certificate expired on 2026-11-29"), (change.State, change.Url, change.Reason));
    }
}
