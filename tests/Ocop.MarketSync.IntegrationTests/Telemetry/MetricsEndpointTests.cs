using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ocop.MarketSync.IntegrationTests.Infrastructure;

namespace Ocop.MarketSync.IntegrationTests.Telemetry;

/// <summary>
/// The Prometheus scrape endpoint of the real service on PostgreSQL, after the start's intake and pushes: staff
/// only, and what it says agrees with the status API.
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class MetricsEndpointTests(ServiceHost host)
{
    private static readonly string[] Channels = ["sandbox-a", "sandbox-b", "sandbox-c"];

    [Fact]
    public async Task Metrics_WithoutStaffLogin_AreRefused()
    {
        using var client = host.Anonymous();

        using var response = await client.GetAsync("metrics", TestContext.Current.CancellationToken);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("marketsync_", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AfterTheFirstSync_AgreeWithTheStatusApi()
    {
        var ct = TestContext.Current.CancellationToken;
        await host.WaitForProductsAsync(60, TimeSpan.FromSeconds(60));
        using var anonymous = host.Anonymous();
        using var staff = host.Staff();
        JsonElement channels = default;
        IReadOnlyList<PrometheusSample> samples = [];
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);

        // Settled (nothing dirty, something Active everywhere) and the gauges caught up with it: both are eventual.
        while (true)
        {
            channels = await anonymous.GetFromJsonAsync<JsonElement>("api/channels", ct);
            var scrapeText = await staff.GetStringAsync("metrics", ct);
            samples = PrometheusText.Parse(scrapeText);
            if (Channels.All(c => Settled(channels, c) && Gauge(samples, "marketsync_listings", c, "Active") == Active(channels, c)))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline,
                $"Metrics never agreed with /api/channels: {channels}{Environment.NewLine}{host.Log.Describe()}");
            await Task.Delay(500, ct);
        }

        foreach (var channel in Channels)
        {
            Assert.True(Active(channels, channel) > 40, $"{channel}: only {Active(channels, channel)} Active listings");
            Assert.Equal(0, Value(samples, "marketsync_listings_backlog", channel));
            Assert.Equal(0, Value(samples, "marketsync_prices_held", channel));
            var listingStates = samples.Where(s => s.Name == "marketsync_listings" && s["channel"] == channel).ToList();
            Assert.Equal(listingStates.Count, listingStates.Select(s => s["state"]).Distinct().Count());
            Assert.Equal(channels.EnumerateArray().Single(c => c.GetProperty("id").GetString() == channel).GetProperty("listings")
                .EnumerateObject().Sum(p => p.Value.GetInt32()), listingStates.Sum(s => s.Value));

            // Each Active listing was created by one call of its channel (or adopted after a lookup): calls happened and were timed.
            var creates = Sum(samples, "marketsync_marketplace_calls_total", channel, "create", "ok")
                + Sum(samples, "marketsync_marketplace_calls_total", channel, "find_by_sku", "ok");
            Assert.True(creates >= 1, $"{channel}: no successful create or lookup call counted");
            var durations = samples.Where(s => s.Name == "marketsync_marketplace_call_duration_seconds_count" && s["channel"] == channel).Sum(s => s.Value);
            Assert.Equal(samples.Where(s => s.Name == "marketsync_marketplace_calls_total" && s["channel"] == channel).Sum(s => s.Value), durations);
            Assert.True(samples.Any(s => s.Name == "marketsync_sync_lag_seconds_count" && s["channel"] == channel && s.Value >= 1),
                $"{channel}: no change-to-marketplace lag recorded");
        }

        Assert.True(samples.Where(s => s.Name == "marketsync_intake_records_total" && s["outcome"] == "eligible").Sum(s => s.Value) >= 50,
            "intake's eligible records were not counted");
        Assert.Contains(samples, s => s.Name == "marketsync_intake_records_total" && s["outcome"] == "quarantined" && s.Value >= 1);
        Assert.Contains(samples, s => s.Name == "marketsync_job_duration_seconds_count" && s["job"] == "PushChannelJob.RunAsync" && s["outcome"] == "succeeded" && s.Value >= 1);
        Assert.Contains(samples, s => s.Name == "marketsync_job_duration_seconds_count" && s["job"] == "RegistryPullJob.RunAsync" && s.Value >= 1);
        Assert.Contains(samples, s => s.Name == "marketsync_hangfire_queue_depth" && s["queue"] == "intake" && s.Value >= 0);
        Assert.Contains(samples, s => s.Name == "marketsync_hangfire_queue_depth" && s["queue"] == "push_sandbox");
        Assert.Contains(samples, s => s.Name == "marketsync_hangfire_jobs" && s["state"] == "failed");
    }

    private static bool Settled(JsonElement channels, string channel) =>
        channels.EnumerateArray().Single(c => c.GetProperty("id").GetString() == channel) is var c
        && c.GetProperty("dirty").GetInt32() == 0 && c.GetProperty("listings").GetProperty("active").GetInt32() > 0;

    private static int Active(JsonElement channels, string channel) =>
        channels.EnumerateArray().Single(c => c.GetProperty("id").GetString() == channel).GetProperty("listings").GetProperty("active").GetInt32();

    private static double? Gauge(IReadOnlyList<PrometheusSample> samples, string name, string channel, string state) =>
        samples.FirstOrDefault(s => s.Name == name && s["channel"] == channel && s["state"] == state)?.Value;

    private static double? Value(IReadOnlyList<PrometheusSample> samples, string name, string channel) =>
        samples.FirstOrDefault(s => s.Name == name && s["channel"] == channel)?.Value;

    private static double Sum(IReadOnlyList<PrometheusSample> samples, string name, string channel, string operation, string outcome) =>
        samples.Where(s => s.Name == name && s["channel"] == channel && s["operation"] == operation && s["outcome"] == outcome).Sum(s => s.Value);
}
