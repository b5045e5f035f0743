using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Sandbox.Registry;
using Ocop.MarketSync.TestSupport;
using Ocop.MarketSync.Sandbox.Hosting;
using Ocop.MarketSync.Worker.Hosting;

namespace Ocop.MarketSync.Benchmarks;

/// <summary>
/// Change → marketplace latency in the real service (as `dotnet run` composes it, Hangfire on PostgreSQL): a steady
/// trickle of price changes in the embedded registry sandbox, each announced by its signed change notification;
/// measured from the change until every embedded sandbox marketplace holds the new price.
/// </summary>
internal static class LatencyBenchmark
{
    public static async Task<int> RunAsync(TimeSpan duration, TimeSpan interval)
    {
        Console.WriteLine($"Latency benchmark: one registry price change every {interval.TotalMilliseconds:N0} ms for {duration.TotalSeconds:N0} s");
        await using var postgres = await ThrowawayPostgres.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync(default);
        string[] args =
        [
            "--environment=Benchmark",
            "--urls=http://127.0.0.1:0",
            "--Storage:Provider=Postgres",
            $"--Storage:ConnectionString={connectionString}",
            "--Storage:MigrateOnStart=false",
            "--Hangfire:Storage=Postgres",
            "--Hangfire:LongPolling=true",
            "--Hangfire:QueuePollInterval=00:00:05",
            "--Staff:Password=benchmark-password-123",
            "--Staff:GeneratePassword=false",
            "--Serilog:MinimumLevel:Default=Warning",
        ];
        if (await Ocop.MarketSync.Worker.Cli.MarketSyncCommandLine.Create(["migrate", .. args]).Parse(["migrate", .. args]).InvokeAsync() != 0)
        {
            return 2;
        }

        await using var app = await MarketSyncHost.BuildAsync(args, HostMode.Serve, default);
        await MarketSyncHost.PrepareStorageAsync(app.Services, default);
        await app.StartAsync();
        var registry = app.Services.GetRequiredService<RegistrySandbox>();
        var marketplaces = app.Services.GetRequiredService<IReadOnlyList<EmbeddedMarketplace>>();
        var products = registry.Ids();

        // Wait for the start-up intake and first push to settle: every listed product on every marketplace.
        var settle = Stopwatch.StartNew();
        while (marketplaces.Any(m => m.Sandbox.Items.Count < 40) && settle.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(200);
        }

        await Task.Delay(2000);
        var listed = products.Where(id => marketplaces.All(m => m.Sandbox.FindBySku("OCOP-" + id) is [{ Active: true }])).ToList();
        Console.WriteLine($"Settled in {settle.Elapsed.TotalSeconds:F1} s; {listed.Count} products active on all {marketplaces.Count} marketplaces");

        var pending = new List<(string Id, long Price, long StartedAt)>();
        var latencies = new List<double>();
        var random = new Random(7);
        var clock = Stopwatch.StartNew();
        var next = TimeSpan.Zero;
        while (clock.Elapsed < duration || (pending.Count > 0 && clock.Elapsed < duration + TimeSpan.FromSeconds(30)))
        {
            if (clock.Elapsed >= next && clock.Elapsed < duration)
            {
                // A product not already waiting, so each measurement is of one change.
                var id = listed[random.Next(listed.Count)];
                if (pending.All(p => p.Id != id))
                {
                    // A small step: the channels hold jumps above 50 % for staff approval (the price guard).
                    var price = registry.Get(id)!["priceVnd"]!.GetValue<long>() + (random.Next(1, 4) * 1_000L);
                    var started = Stopwatch.GetTimestamp();
                    registry.Change(id, p => p["priceVnd"] = price);
                    pending.Add((id, price, started));
                }

                next += interval;
            }

            for (var i = pending.Count - 1; i >= 0; i--)
            {
                var (id, price, started) = pending[i];
                if (marketplaces.All(m => m.Sandbox.FindBySku("OCOP-" + id) is [var item] && item.PriceVnd == price))
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    pending.RemoveAt(i);
                }
            }

            await Task.Delay(5);
        }

        await app.StopAsync();
        latencies.Sort();
        double Percentile(double p) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Changes measured: {latencies.Count}, not arrived within 30 s after the end: {pending.Count}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Latency change → all marketplaces: p50 {Percentile(0.50):N0} ms, p90 {Percentile(0.90):N0} ms, p99 {Percentile(0.99):N0} ms, max {(latencies.Count > 0 ? latencies[^1] : double.NaN):N0} ms"));
        Console.WriteLine("Settings: Hangfire on PostgreSQL, LongPolling=true (LISTEN/NOTIFY), QueuePollInterval=5 s, WorkerCount=4, embedded default channels");
        return pending.Count == 0 ? 0 : 1;
    }
}
