using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Listings.Planning;
using Ocop.MarketSync.Sync.Listings.Push;
using Ocop.MarketSync.TestSupport;

namespace Ocop.MarketSync.Benchmarks;

/// <summary>
/// First sync of N products to C channels against marketplaces that behave like real ones (issue 11): latency with
/// jitter, the sandbox's token bucket at the published rate, one item per write call, optionally 5xx and lost answers,
/// and optionally N pictures per product, each uploaded in a call of its own before the create (as Shopee and TikTok
/// Shop need). The sandboxes run in a process of their own. Prints per channel how much of the allowance the push used,
/// counted from the calls that arrived at the shop, uploads included.
/// </summary>
internal static class ThroughputBenchmark
{
    public static async Task<int> RunAsync(MarketplaceProfile profile, int products, int writeBatch, int maxInFlight)
    {
        var faults = profile.ServerErrorShare > 0 || profile.LostShare > 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Throughput benchmark: {products:N0} products × {profile.Channels} channels; marketplace {profile.LatencyMs}+{profile.JitterMs} ms, {profile.Rate}/s per shop, {writeBatch} item(s) per write, {profile.ServerErrorShare:P0} 5xx, {profile.LostShare:P0} lost answers; {(profile.Images > 0 ? $"{profile.Images} picture(s) per product, one upload call each" : "pictures sent as URLs")}; MaxInFlight {maxInFlight}"));
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        await using var marketplaces = await SandboxProcess.StartAsync(profile);
        await using var postgres = await ThrowawayPostgres.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync(default);
        var settings = new Dictionary<string, string>
        {
            ["MaxInFlight"] = maxInFlight.ToString(CultureInfo.InvariantCulture),
            ["Sandbox:WriteBatchSize"] = writeBatch.ToString(CultureInfo.InvariantCulture),
            ["Sandbox:RequestsPerSecond"] = profile.Rate.ToString(CultureInfo.InvariantCulture),
            // The shops take only their own image ids then (RequireUploadedImages): the adapter must upload first.
            ["Sandbox:UploadImages"] = (profile.Images > 0).ToString(CultureInfo.InvariantCulture),
        };
        await using var host = await BenchmarkHost.StartAsync(connectionString, GeneratedProducts.Create(products, profile.Images), profile.Channels,
            external: marketplaces.BaseUrls, channelSettings: settings);
        var channels = Enumerable.Range(0, profile.Channels).Select(i => $"bench-{i}").ToList();

        var intake = Stopwatch.StartNew();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RegistryIntake>().PullIncrementalAsync(default);
        }

        Console.WriteLine($"Intake: {intake.Elapsed.TotalSeconds:F1} s");
        var plan = Stopwatch.StartNew();
        await Task.WhenAll(channels.Select(channel => InScopeAsync(host, sp => sp.GetRequiredService<ListingPlanner>().PlanChangedAsync(channel, default))));
        Console.WriteLine($"Planning all channels: {plan.Elapsed.TotalSeconds:F1} s");

        var walls = await Task.WhenAll(channels.Select(async channel =>
        {
            var clock = Stopwatch.StartNew();
            var summary = await InScopeAsync(host, sp => sp.GetRequiredService<ListingPusher>().PushAsync(channel, default));
            return (Wall: clock.Elapsed, Summary: summary);
        }));
        var rounds = 1;
        var settle = Stopwatch.StartNew();
        while (faults && rounds < 30 && await DirtyAsync(host) > 0)
        {
            // The benchmark does not wait out the listings' backoff (30 s and up): it makes them due at once.
            await InScopeAsync(host, sp => sp.GetRequiredService<MarketSyncDbContext>().Listings.Where(l => l.Dirty)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.NextAttemptAt, (DateTime?)null), default));
            await Task.WhenAll(channels.Select(channel => InScopeAsync(host, sp => sp.GetRequiredService<ListingPusher>().PushAsync(channel, default))));
            rounds++;
        }

        var ok = true;
        for (var i = 0; i < channels.Count; i++)
        {
            var stats = await marketplaces.StatsAsync(i);
            var (wall, summary) = walls[i];
            var floor = stats.Arrivals / profile.Rate;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {channels[i]}: push {wall.TotalSeconds:F1} s, {summary.Calls:N0} calls by the engine, {stats.Arrivals:N0} arrived (all rounds{(stats.Uploads > 0 ? $"; {stats.Uploads:N0} of them image uploads, made by the adapter and not in the engine's count" : "")}); calls/s ÷ rate {stats.ArrivalRate / profile.Rate:F2} overall, {stats.WarmArrivalRate / profile.Rate:F2} warmed up; most in any 1 s {stats.MostInOneSecond}; throttled {(double)stats.RefusedForRate / Math.Max(1, stats.Arrivals):P2}; wall ÷ floor {(faults ? "n/a (several rounds)" : (wall.TotalSeconds / floor).ToString("F2", CultureInfo.InvariantCulture))}; in flight at most {stats.MaxConcurrent}"));
            ok &= await EndStateAsync(host, channels[i], stats);
        }

        if (faults)
        {
            Console.WriteLine($"Rounds until settled: {rounds}, the rounds after the first took {settle.Elapsed.TotalSeconds:F1} s");
        }

        Console.WriteLine($"Peak RSS of the engine: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MiB (sandboxes in their own process)");
        return ok ? 0 : 1;
    }

    /// <summary>
    /// 0 duplicates, every listing on sale once as desired (pictures included), no stock above desired ever set. The shop
    /// stores image ids when pictures were uploaded: they are compared by the URL each id was uploaded from.
    /// </summary>
    private static async Task<bool> EndStateAsync(BenchmarkHost host, string channel, SandboxStats stats)
    {
        var listings = await InScopeAsync(host, sp => sp.GetRequiredService<MarketSyncDbContext>().Listings.AsNoTracking()
            .Where(l => l.ChannelId == channel).ToListAsync());
        var items = stats.Items.GroupBy(i => i.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var wrong = listings.Count(l => !items.TryGetValue(l.SellerSku, out var found) || found.Count != 1
            || found[0].PriceVnd != l.Desired.PriceVnd || found[0].Stock != l.Desired.Stock || found[0].Active != l.Desired.Active || l.Dirty
            || !found[0].Pictures.SequenceEqual(l.Desired.Images, StringComparer.Ordinal));
        var overStock = listings.Count(l => items.TryGetValue(l.SellerSku, out var found) && found.Any(f => f.MaxStockSet > l.Desired.Stock));
        Console.WriteLine($"    end state: {listings.Count - wrong:N0} of {listings.Count:N0} listings as desired; duplicate SKUs {stats.Duplicates}; stock above desired {overStock}; updates of unknown items {stats.UpdatesOfUnknownItems}");
        return wrong == 0 && stats.Duplicates == 0 && overStock == 0;
    }

    private static Task<int> DirtyAsync(BenchmarkHost host) =>
        InScopeAsync(host, sp => sp.GetRequiredService<MarketSyncDbContext>().Listings.CountAsync(l => l.Dirty));

    private static async Task<T> InScopeAsync<T>(BenchmarkHost host, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
