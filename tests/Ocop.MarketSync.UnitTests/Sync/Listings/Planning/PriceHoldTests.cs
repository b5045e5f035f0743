using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Listings.Planning;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Sync.Listings.Planning;

public sealed class PriceHoldTests
{
    private static readonly PriceRuleOptions Rule = new() { HoldChangeAbovePercent = 50 };

    [Fact]
    public void Apply_JumpAboveThreshold_KeepsPushedPriceAndHoldsTheNewOne()
    {
        var listing = PushedAt(237_000);

        var desired = PriceHold.Apply(listing, Desired(2_370_000), Rule);

        Assert.Equal((237_000L, 2_370_000L), (desired.PriceVnd, desired.HeldPriceVnd));
        var reason = Assert.Single(desired.Reasons);
        Assert.Equal(("price.held", IssueSeverity.Warning), (reason.Code, reason.Severity));
        Assert.Contains("237,000 to 2,370,000 VND (+900%)", reason.Message, StringComparison.Ordinal);
        Assert.True(desired.Active);
    }

    [Theory]
    [InlineData(355_000)] // +49.8 %
    [InlineData(119_000)] // −49.8 %
    public void Apply_ChangeWithinThreshold_PassesUnchanged(long newPrice)
    {
        var desired = PriceHold.Apply(PushedAt(237_000), Desired(newPrice), Rule);

        Assert.Equal(newPrice, desired.PriceVnd);
        Assert.Null(desired.HeldPriceVnd);
    }

    [Fact]
    public void Apply_ApprovedPrice_PassesUnchanged()
    {
        var listing = PushedAt(237_000);
        listing.ApprovedPriceVnd = 2_370_000;

        var desired = PriceHold.Apply(listing, Desired(2_370_000), Rule);

        Assert.Equal(2_370_000, desired.PriceVnd);
    }

    [Fact]
    public void Apply_NothingPushedYetOrDelisted_PassesUnchanged()
    {
        var neverPushed = TestListings.New(active: true);

        Assert.Equal(2_370_000, PriceHold.Apply(neverPushed, Desired(2_370_000), Rule).PriceVnd);
        Assert.Equal(2_370_000, PriceHold.Apply(PushedAt(237_000), Desired(2_370_000) with { Active = false }, Rule).PriceVnd);
        Assert.Equal(2_370_000, PriceHold.Apply(null, Desired(2_370_000), Rule).PriceVnd);
        Assert.True(PriceHold.Apply(null, Desired(2_370_000), Rule).Active);
    }

    [Fact]
    public void Apply_AboveTheCeilingOnAListingNeverPushed_NotListedUntilApproved()
    {
        // 100 billion đồng: a registry typo that no percentage can catch, since there is no old price.
        var desired = PriceHold.Apply(null, Desired(100_000_000_000), Rule);

        Assert.False(desired.Active);
        Assert.Equal(100_000_000_000, desired.HeldPriceVnd);
        var reason = Assert.Single(desired.Reasons);
        Assert.Equal(("price.held", IssueSeverity.Warning), (reason.Code, reason.Severity));
        Assert.Contains("ceiling of 100,000,000 VND", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_AboveTheCeilingWithinThePercentage_HeldAtThePushedPrice()
    {
        // +20 % is within the 50 % threshold, but 120 million is above the ceiling.
        var desired = PriceHold.Apply(PushedAt(100_000_000), Desired(120_000_000), Rule);

        Assert.Equal((100_000_000L, 120_000_000L), (desired.PriceVnd, desired.HeldPriceVnd));
        Assert.True(desired.Active);
    }

    [Fact]
    public void Apply_AboveTheCeilingApprovedOrDeclined_ListedOrKeptOff()
    {
        var approved = TestListings.New(active: true);
        approved.ApprovedPriceVnd = 150_000_000;
        var declined = TestListings.New(active: true);
        declined.DeclinedPriceVnd = 150_000_000;

        Assert.True(PriceHold.Apply(approved, Desired(150_000_000), Rule).Active);
        var kept = PriceHold.Apply(declined, Desired(150_000_000), Rule);
        Assert.False(kept.Active);
        Assert.Equal("price.kept", Assert.Single(kept.Reasons).Code);
    }

    private static DesiredListing Desired(long price) => new() { Title = "Gạo", Description = "Gạo", PriceVnd = price, Stock = 1, Active = true };

    /// <summary>A listing whose price on the marketplace is <paramref name="price"/>.</summary>
    private static Listing PushedAt(long price)
    {
        var listing = TestListings.Pushed();
        listing.Desired = Desired(price);
        listing.DesiredPriceHash = listing.PushedPriceHash = AspectHashes.Of(listing.Desired).Price;
        return listing;
    }
}
