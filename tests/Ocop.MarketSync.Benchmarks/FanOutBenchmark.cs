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
/// Full fan-out of N products to C channels on PostgreSQL against in-process sandbox marketplaces, then a second
/// pass with nothing changed, then the plain-HttpClient baseline of the same calls. Prints what it measured.
/// </summary>
internal static class FanOutBenchmark
{
    private const int LookupBatch = 100;
    private const int CreateBatch = 50;

    /// <param name="planPerChannel">Each channel's push job plans its own channel (before the planning pass existed).</param>
    public static async Task<int> RunAsync(int products, int channels, bool telemetry = false, bool planPerChannel = false)
    {
        Console.WriteLine($"Fan-out benchmark: {products:N0} products × {channels} channels = {products * channels:N0} listings, telemetry {(telemetry ? "on" : "off")}");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        await using var postgres = await ThrowawayPostgres.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync(default);
        var registry = GeneratedProducts.Create(products);
        await using var host = await BenchmarkHost.StartAsync(connectionString, registry, channels, telemetry);

        var intake = Stopwatch.StartNew();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RegistryIntake>().PullIncrementalAsync(default);
        }

        intake.Stop();
        Console.WriteLine($"Intake of {products:N0} products: {intake.Elapsed.TotalSeconds:F1} s");

        var fanOut = Stopwatch.StartNew();
        await FanOutAsync(host, planPerChannel);
        fanOut.Stop();
        var calls = host.TotalCalls();
        var minimum = channels * (Ceiling(products, LookupBatch) + Ceiling(products, CreateBatch));
        var listings = products * channels;
        var duplicates = host.Marketplaces.Values.Sum(m => m.DuplicateSkuCount);
        var items = host.Marketplaces.Values.Sum(m => m.Items.Count);
        var rss = Process.GetCurrentProcess().PeakWorkingSet64;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var active = await scope.ServiceProvider.GetRequiredService<MarketSyncDbContext>().Listings
                .CountAsync(l => l.State == Data.Entities.ListingState.Active);
            Console.WriteLine($"Listings Active: {active:N0} of {listings:N0}; remote items {items:N0}; duplicate SKUs {duplicates}");
        }

        Console.WriteLine($"Full fan-out: {fanOut.Elapsed.TotalSeconds:F1} s, {listings / fanOut.Elapsed.TotalSeconds:N0} listings/s");
        Console.WriteLine($"Marketplace calls: {calls:N0} (minimum the batch rules allow: {minimum:N0})");
        Console.WriteLine($"Peak RSS: {rss / (1024 * 1024):N0} MiB (process, sandboxes included)");

        var second = Stopwatch.StartNew();
        await FanOutAsync(host, planPerChannel);
        second.Stop();
        Console.WriteLine($"Second pass, nothing changed: {host.TotalCalls() - calls} calls, {second.Elapsed.TotalSeconds:F2} s");

        var baseline = await BaselineLoop.RunAsync(products, channels, LookupBatch, CreateBatch);
        var ours = listings / fanOut.Elapsed.TotalSeconds;
        var theirs = listings / baseline.Elapsed.TotalSeconds;
        Console.WriteLine($"Baseline (plain HttpClient loop, same calls): {baseline.Elapsed.TotalSeconds:F1} s, {theirs:N0} listings/s, {baseline.Calls:N0} calls");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Throughput ours/baseline: {ours / theirs:F2}"));
        if (telemetry)
        {
            Console.WriteLine($"OTLP export received so far: {BenchmarkHost.OtlpBytes / 1024:N0} KiB");
        }

        return duplicates == 0 && items == listings ? 0 : 1;
    }

    /// <summary>
    /// As the service does after an intake: one planning pass for every channel (each product read once), then every
    /// channel's push job (whose own plan finds nothing left); or, for comparison, each push job planning its channel.
    /// </summary>
    private static async Task FanOutAsync(BenchmarkHost host, bool planPerChannel)
    {
        if (!planPerChannel)
        {
            var clock = Stopwatch.StartNew();
            await using var scope = host.Services.CreateAsyncScope();
            var pass = await scope.ServiceProvider.GetRequiredService<PlanningPass>().RunAsync(default);
            Console.WriteLine($"  planning pass: {clock.Elapsed.TotalSeconds:F1} s for {pass.Channels.Count} channels ({pass.Added:N0} new, {pass.Changed:N0} changed)");
        }

        await Task.WhenAll(host.Marketplaces.Keys.Select(channel => PlanAndPushAsync(host.Services, channel)));
    }

    private static async Task PlanAndPushAsync(IServiceProvider services, string channel)
    {
        await using var scope = services.CreateAsyncScope();
        // As the push job's span would be in the service (no listener, telemetry off: null, nothing recorded).
        using var job = Ocop.MarketSync.Sync.Telemetry.MarketSyncTelemetry.ActivitySource.StartActivity("job PushChannelJob.RunAsync", ActivityKind.Consumer);
        var clock = Stopwatch.StartNew();
        var plan = await scope.ServiceProvider.GetRequiredService<ListingPlanner>().PlanChangedAsync(channel, default);
        var planned = clock.Elapsed;
        var push = await scope.ServiceProvider.GetRequiredService<ListingPusher>().PushAsync(channel, default);
        Console.WriteLine($"  {channel}: plan {planned.TotalSeconds:F1} s ({plan.Added:N0} new, {plan.Changed:N0} changed), push {(clock.Elapsed - planned).TotalSeconds:F1} s ({push.Created:N0} created, {push.Calls:N0} calls, {push.Lanes} lanes at most)");
    }

    private static int Ceiling(int count, int batch) => (count + batch - 1) / batch;
}
