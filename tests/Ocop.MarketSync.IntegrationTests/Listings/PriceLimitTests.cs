using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sync.Listings.Staff;

namespace Ocop.MarketSync.IntegrationTests.Listings;

/// <summary>
/// Absurd prices and stock (issue 13): the marketplace's published bounds and the channel's sanity ceiling, through
/// the real planner and pusher against the sandbox marketplace (bounds 1,000–120,000,000 VND, stock ≤ 999,999).
/// </summary>
public sealed class PriceLimitTests(PostgresServer postgres)
{
    private const string Channel = "ch-0";

    [Fact]
    public async Task Push_PriceOutsideTheMarketplaceRange_NewProductNotListedAndALiveOneKeepsItsPrice()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 1);
        // REG-00003 arrives with 100 billion đồng; REG-00002 is listed first and then gets the same typo.
        harness.Registry.Change("REG-00003", p => p["priceVnd"] = 100_000_000_000L);
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();
        harness.Registry.Change("REG-00002", p => p["priceVnd"] = 100_000_000_000L);
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();

        var market = harness.Marketplace(Channel);
        var listings = await harness.ListingsAsync(Channel);
        Assert.Empty(market.FindBySku("OCOP-REG-00003"));
        var refused = listings.Single(l => l.RegistryId == "REG-00003");
        Assert.False(refused.Desired.Active);
        Assert.Contains(refused.Desired.Reasons, r => r.Code == "price.outOfRange" && r.Severity == IssueSeverity.Ineligible);

        // The live listing is not taken offline for the registry's typo: it keeps selling at its price.
        var live = Assert.Single(market.FindBySku("OCOP-REG-00002"));
        Assert.Equal(215_000, live.PriceVnd);
        var kept = listings.Single(l => l.RegistryId == "REG-00002");
        Assert.True(kept.Desired.Active);
        Assert.Equal(ListingState.Active, kept.State);
        Assert.Contains(kept.Desired.Reasons, r => r.Code == "price.outOfRange" && r.Severity == IssueSeverity.Warning);
    }

    [Fact]
    public async Task Push_NewProductAboveTheChannelCeiling_HeldUntilApprovedThenListed()
    {
        // 110 million: within the marketplace's range, above the channel's sanity ceiling of 100 million.
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 1);
        harness.Registry.Change("REG-00003", p => p["priceVnd"] = 110_000_000L);
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();

        Assert.Empty(harness.Marketplace(Channel).FindBySku("OCOP-REG-00003"));
        var held = (await harness.ListingsAsync(Channel)).Single(l => l.RegistryId == "REG-00003");
        Assert.Equal(110_000_000, held.Desired.HeldPriceVnd);
        Assert.Contains(held.Desired.Reasons, r => r.Code == "price.held" && r.Message.Contains("ceiling", StringComparison.Ordinal));

        await harness.WithServicesAsync(sp => sp.GetRequiredService<StaffActions>().ApprovePriceAsync(held.Id, "test", TestContext.Current.CancellationToken));
        await harness.PushUntilSettledAsync();
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();

        Assert.Equal(110_000_000, Assert.Single(harness.Marketplace(Channel).FindBySku("OCOP-REG-00003")).PriceVnd);
        var listed = (await harness.ListingsAsync(Channel)).Single(l => l.RegistryId == "REG-00003");
        Assert.Equal(ListingState.Active, listed.State);
        Assert.DoesNotContain(listed.Desired.Reasons, r => r.Code == "price.held");
    }
}
