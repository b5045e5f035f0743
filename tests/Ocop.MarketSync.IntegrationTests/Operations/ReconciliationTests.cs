using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sync.Listings.Reconciliation;

namespace Ocop.MarketSync.IntegrationTests.Operations;

/// <summary>Drift made directly in the sandbox marketplace ("seller centre"), found and repaired by reconciliation, on PostgreSQL.</summary>
public sealed class ReconciliationTests(PostgresServer postgres)
{
    [Fact]
    public async Task Reconcile_DriftMadeInSellerCentre_IsFoundReportedAndRepairedInOneRun()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 1);
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();
        var market = harness.Marketplace("ch-0");
        string Remote(string registryId) => Assert.Single(market.FindBySku("OCOP-" + registryId)).RemoteId;
        market.EditPrice(Remote("REG-00002"), 1_000);
        market.EditStock(Remote("REG-00003"), 9_999);
        market.EditTitle(Remote("REG-00004"), "Tiêu đề sửa tay");
        Assert.True(market.Delete(Remote("REG-00005")));
        market.Ban(Remote("REG-00006"));
        var orphan = market.InsertOrphan("OCOP-HAND-0001");
        harness.Clock.Advance(TimeSpan.FromMinutes(1));

        var run = await ReconcileAsync(harness, "ch-0");

        Assert.Equal(ReconciliationStatus.Succeeded, run.Status);
        Assert.Equal(
            (Checked: 53, DriftedPrice: 1, DriftedStock: 1, DriftedContent: 1, DriftedStatus: 0, Missing: 1, Banned: 1, Orphaned: 1),
            (run.Checked, run.DriftedPrice, run.DriftedStock, run.DriftedContent, run.DriftedStatus, run.Missing, run.Banned, run.Orphaned));
        Assert.Equal(53 - 3 - 1 - 1, run.InSync);
        var findings = await harness.QueryAsync(db => db.ReconciliationFindings.AsNoTracking().Where(f => f.RunId == run.Id).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Contains(findings, f => f is { Kind: ReconciliationFindingKind.Drifted, SellerSku: "OCOP-REG-00002", Aspects: ListingAspect.Price } && f.Detail.Contains("price 1000", StringComparison.Ordinal));
        Assert.Contains(findings, f => f is { Kind: ReconciliationFindingKind.Missing, SellerSku: "OCOP-REG-00005" });
        Assert.Contains(findings, f => f is { Kind: ReconciliationFindingKind.Orphaned, SellerSku: "OCOP-HAND-0001" } && f.RemoteId == orphan);

        await harness.PushUntilSettledAsync();

        var listings = (await harness.ListingsAsync("ch-0")).ToDictionary(l => l.RegistryId);
        foreach (var id in new[] { "REG-00002", "REG-00003", "REG-00004", "REG-00005" })
        {
            var item = Assert.Single(market.FindBySku("OCOP-" + id));
            var desired = listings[id].Desired;
            Assert.Equal((desired.PriceVnd, desired.Stock, desired.Title, true), (item.PriceVnd, item.Stock, item.Title, item.Active));
            Assert.Equal(ListingState.Active, listings[id].State);
        }

        Assert.Equal(ListingState.Banned, listings["REG-00006"].State);
        Assert.NotNull(market.Get(orphan));
        Assert.Equal(0, market.DuplicateSkuCount);

        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await ReconcileAsync(harness, "ch-0");
        Assert.Equal((0, 0, 0, 0, 0, 1, 1), (again.DriftedPrice, again.DriftedStock, again.DriftedContent, again.DriftedStatus, again.Missing, again.Banned, again.Orphaned));
        Assert.Equal(53 - 1, again.InSync); // all 53 of ours again (REG-00005 recreated), less the banned one
    }

    [Fact]
    public async Task Reconcile_RemoteItemOfAListingThatLostItsCreateAnswer_IsAdoptedNotReportedAsOrphan()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 1);
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();
        await harness.QueryAsync(db => db.Listings.Where(l => l.RegistryId == "REG-00002")
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.RemoteId, (string?)null), TestContext.Current.CancellationToken));
        harness.Clock.Advance(TimeSpan.FromMinutes(1));

        var run = await ReconcileAsync(harness, "ch-0");

        Assert.Equal(0, run.Orphaned);
        var listing = (await harness.ListingsAsync("ch-0")).Single(l => l.RegistryId == "REG-00002");
        Assert.Equal(Assert.Single(harness.Marketplace("ch-0").FindBySku("OCOP-REG-00002")).RemoteId, listing.RemoteId);
    }

    internal static Task<ReconciliationRun> ReconcileAsync(IntakeHarness harness, string channelId) => harness.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<Ocop.MarketSync.Data.MarketSyncDbContext>();
        var run = new ReconciliationRun { ChannelId = channelId, RequestedBy = "test", RequestedAt = DateTime.UtcNow };
        db.ReconciliationRuns.Add(run);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return await sp.GetRequiredService<ChannelReconciler>().RunAsync(run.Id, TestContext.Current.CancellationToken);
    });
}
