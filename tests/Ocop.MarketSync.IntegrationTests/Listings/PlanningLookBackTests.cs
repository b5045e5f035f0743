using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sync.Listings.Planning;

namespace Ocop.MarketSync.IntegrationTests.Listings;

/// <summary>
/// A plan looks back <see cref="ListingPlanner.CommitOverlap"/> before its checkpoint for changes committed after a
/// plan that started between their stamp and their commit, and skips what it already planned from that very change.
/// </summary>
public sealed class PlanningLookBackTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PlanRightAfterAMassChange_ReplansNothingAlreadyPlanned()
    {
        // Arrange: a first intake, planned at once (as a province's first sync is), all within the look-back.
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 2);
        await harness.PullAsync();
        var first = await PlanAsync(harness, "ch-0");
        Assert.True(first.Added > 0);

        // Act: the push job plans its channel again a moment later.
        harness.Clock.Advance(TimeSpan.FromSeconds(20));
        var again = await PlanAsync(harness, "ch-0");

        // Assert: nothing read again (before: every product was re-decided, 10 s a channel at 20,000 products).
        Assert.Equal((0, 0, 0), (again.Added, again.Changed, again.Unchanged));
    }

    [Fact]
    public async Task ChangeStampedBeforeAPlanAndCommittedAfterIt_IsPlannedByTheNextPlan()
    {
        // Arrange: planned at t0.
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 1);
        await harness.PullAsync();
        await PlanAsync(harness, "ch-0");
        var t0 = harness.Clock.GetUtcNow().UtcDateTime;
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var product = (await harness.ProductsAsync()).Single(p => p.RegistryId == "REG-00002");
        harness.Registry.Change("REG-00002", p => p["stock"] = 3);
        await harness.PullAsync();
        // As if intake had stamped the change 30 s before the plan at t0 and committed it only after that plan read.
        await harness.QueryAsync(db => db.Products.Where(p => p.Id == product.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastChangedAt, t0 - TimeSpan.FromSeconds(30)), Ct));

        // Act
        var next = await PlanAsync(harness, "ch-0");

        // Assert: found by the look-back, although its stamp is before the checkpoint.
        Assert.Equal(1, next.Changed);
        var listing = (await harness.ListingsAsync("ch-0")).Single(l => l.ProductId == product.Id);
        Assert.Equal(3, listing.Desired.Stock);
        Assert.True(listing.Dirty);
    }

    private static Task<PlanResult> PlanAsync(IntakeHarness harness, string channelId) =>
        harness.WithServicesAsync(sp => sp.GetRequiredService<ListingPlanner>().PlanChangedAsync(channelId, Ct));
}
