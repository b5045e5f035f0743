using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Listings.Planning;
using Ocop.MarketSync.Sync.Listings.Push;
using Ocop.MarketSync.Sync.Listings.Reconciliation;
using Ocop.MarketSync.TestSupport;

namespace Ocop.MarketSync.Benchmarks;

/// <summary>
/// Reconciliation of one channel holding N remote items, 1 % of them drifted (price edited in "seller centre"),
/// on PostgreSQL against an in-process sandbox marketplace. Memory is sampled while the walk runs: the managed heap
/// and the process RSS, against their values just before it, so setup (intake, first push) does not count.
/// </summary>
internal static class ReconcileBenchmark
{
    public static async Task<int> RunAsync(int products)
    {
        Console.WriteLine($"Reconciliation benchmark: {products:N0} remote items on one channel, 1 % drifted");
        await using var postgres = await ThrowawayPostgres.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync(default);
        await using var host = await BenchmarkHost.StartAsync(connectionString, GeneratedProducts.Create(products), channels: 1);
        var channel = host.Marketplaces.Keys.Single();
        var market = host.Marketplaces[channel];
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RegistryIntake>().PullIncrementalAsync(default);
            await scope.ServiceProvider.GetRequiredService<ListingPlanner>().PlanChangedAsync(channel, default);
            await scope.ServiceProvider.GetRequiredService<ListingPusher>().PushAsync(channel, default);
        }

        var items = market.Items;
        var drifted = 0;
        for (var i = 0; i < items.Count; i += 100)
        {
            market.EditPrice(items[i].RemoteId, items[i].PriceVnd + 1_000);
            drifted++;
        }

        // Pushes stamped "now" are skipped as busy; the walk must start later than the last push.
        await Task.Delay(1100);
        long runId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MarketSyncDbContext>();
            var run = new ReconciliationRun { ChannelId = channel, RequestedBy = "benchmark", RequestedAt = DateTime.UtcNow };
            db.ReconciliationRuns.Add(run);
            await db.SaveChangesAsync();
            runId = run.Id;
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var rssBefore = process.WorkingSet64;
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        long rssPeak = rssBefore, heapPeak = heapBefore, livePeak = heapBefore;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            // Peak allocated (garbage included) every 20 ms; live memory after a forced full collection every 500 ms.
            // Only the live figure says whether the walk holds on to what it read.
            for (var tick = 0; !sampling.IsCancellationRequested; tick++)
            {
                process.Refresh();
                rssPeak = Math.Max(rssPeak, process.WorkingSet64);
                heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false));
                if (tick % 25 == 24)
                {
                    livePeak = Math.Max(livePeak, GC.GetTotalMemory(forceFullCollection: true));
                }

                await Task.Delay(20);
            }
        });

        var clock = Stopwatch.StartNew();
        ReconciliationRun report;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            report = await scope.ServiceProvider.GetRequiredService<ChannelReconciler>().RunAsync(runId, default);
        }

        clock.Stop();
        await sampling.CancelAsync();
        await sampler;
        const double MiB = 1024 * 1024;
        Console.WriteLine($"Reconciled {report.Checked:N0} items in {clock.Elapsed.TotalSeconds:F1} s ({report.Checked / clock.Elapsed.TotalSeconds:N0} items/s): " +
            $"{report.InSync:N0} in sync, {report.DriftedPrice:N0} price drift (made {drifted:N0}), {report.Missing} missing, {report.Orphaned} orphaned, {report.SkippedBusy} skipped");
        Console.WriteLine($"Memory during the walk: RSS {rssBefore / MiB:N0} → peak {rssPeak / MiB:N0} MiB (+{(rssPeak - rssBefore) / MiB:N0}); " +
            $"managed heap {heapBefore / MiB:N0} → peak {heapPeak / MiB:N0} MiB (+{(heapPeak - heapBefore) / MiB:N0}); " +
            $"live heap (after full GCs every 0.5 s) peak {livePeak / MiB:N0} MiB (+{(livePeak - heapBefore) / MiB:N0})");
        return report.Status == ReconciliationStatus.Succeeded && report.DriftedPrice == drifted && report.Checked == items.Count ? 0 : 1;
    }
}
