using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sandbox.Registry;
using Ocop.MarketSync.Sandbox.Hosting;

namespace Ocop.MarketSync.IntegrationTests.Telemetry;

/// <summary>
/// One trace from the registry's signed change notification to the marketplaces, in the real service on PostgreSQL:
/// the notification's request, the intake job it queues, the push jobs intake triggers, each marketplace call and
/// its HTTP request, and the database commands in between; the jobs' log lines carry the same trace id.
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class RegistryChangeTraceTests(ServiceHost host)
{
    [Fact]
    public async Task ChangeNotification_IsOneTraceThroughIntakeAndPushToTheMarketplaces()
    {
        var ct = TestContext.Current.CancellationToken;
        await host.WaitForProductsAsync(60, TimeSpan.FromSeconds(60));
        var marketplaces = host.Services.GetRequiredService<IReadOnlyList<EmbeddedMarketplace>>();
        await WaitAsync(() => marketplaces.All(m => m.Sandbox.FindBySku("OCOP-REG-00002").Count == 1), TimeSpan.FromSeconds(60), "initial push");
        // A change that arrives while a pull or push from an earlier test still runs is taken into that run, under
        // that run's trace (coalescing, by design): start when nothing runs, and if a scheduled job still took the
        // change, make another one. Each attempt is a new stock value, so each is a real change to follow.
        IReadOnlyList<Activity> trace = [];
        var attempts = new List<string>();
        for (var attempt = 1; attempt <= 3 && trace.Count == 0; attempt++)
        {
            await host.WaitForIdleJobsAsync(TimeSpan.FromSeconds(30));
            var before = DateTime.UtcNow;
            var stock = 976 + attempt;

            // The registry sandbox sends the signed POST /api/registry/changes itself, as the real registry would.
            host.Services.GetRequiredService<RegistrySandbox>().Change("REG-00002", p => p["stock"] = stock);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while ((trace = FindTrace(host.Spans.Snapshot(), before)).Count == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, ct);
            }

            attempts.Add($"attempt {attempt} (stock {stock}): {(trace.Count > 0 ? "traced" : "no complete trace in 30 s")}, "
                + $"stock on the marketplaces now {string.Join("/", marketplaces.Select(m => m.Sandbox.FindBySku("OCOP-REG-00002").SingleOrDefault()?.Stock))}");
        }

        Assert.True(trace.Count > 0, $"No trace from a notification to a marketplace stock update: {string.Join("; ", attempts)}.{Environment.NewLine}{host.Log.Describe()}");

        var traceId = trace[0].TraceId;
        var notification = Assert.Single(trace, s => s.Kind == ActivityKind.Server && s.GetTagItem("url.path") as string == "/api/registry/changes");
        var intake = Assert.Single(trace, s => s.DisplayName == "job RegistryPullJob.RunAsync");
        var pushes = trace.Where(s => s.DisplayName == "job PushChannelJob.RunAsync").ToList();
        Assert.NotEmpty(pushes);
        var update = trace.First(s => s.DisplayName == "marketplace update_stock" && Ancestor(trace, s, a => a.DisplayName == "job PushChannelJob.RunAsync") is not null);
        var http = trace.Where(s => s.Kind == ActivityKind.Client && Ancestor(trace, s, a => a.SpanId == update.SpanId) is not null).ToList();
        Assert.True(http.Count > 0, "No HTTP request under the stock update; the trace: " + Describe(trace));
        Assert.Contains(trace, s => s.Source.Name == "Npgsql" && s.ParentSpanId == intake.SpanId);

        // The chain of parents: notification request -> intake job -> push job -> marketplace call -> HTTP request.
        Assert.Equal(notification.SpanId, Ancestor(trace, intake, s => s.Kind == ActivityKind.Server)?.SpanId);
        var push = Ancestor(trace, update, s => s.DisplayName == "job PushChannelJob.RunAsync")!;
        Assert.Equal(intake.SpanId, Ancestor(trace, push, s => s.DisplayName == intake.DisplayName)?.SpanId);
        Assert.Equal("update_stock", update.GetTagItem("marketsync.operation"));

        // Serilog puts the trace id on the jobs' own lines (the JSON format writes it as @tr).
        var logged = host.TracedLog.TemplatesOf(traceId);
        // (Job start/finish lines are Debug; the runs' summary lines are what an operator reads at Information.)
        Assert.Contains(logged, t => t.StartsWith("Intake {Kind}", StringComparison.Ordinal));
        Assert.Contains(logged, t => t.StartsWith("Push {Channel}:", StringComparison.Ordinal));
    }

    /// <summary>The first trace that starts at a registry notification received after <paramref name="since"/> and
    /// reaches an intake job, a push job and a successful stock update.</summary>
    private static IReadOnlyList<Activity> FindTrace(IReadOnlyList<Activity> spans, DateTime since)
    {
        var notifications = spans.Where(s => s.Kind == ActivityKind.Server && s.StartTimeUtc >= since
            && s.GetTagItem("url.path") as string == "/api/registry/changes").Select(s => s.TraceId).ToHashSet();
        return spans.Where(s => notifications.Contains(s.TraceId))
            .GroupBy(s => s.TraceId)
            .Select(g => g.ToList())
            // Spans are exported when they end: the push job's own span ends after its marketplace calls, so wait for the
            // push span above the stock update, not just any push span (another channel's push in the same trace may
            // have ended first: e.g. one that found its channel being pushed and left a request). And wait for every span
            // between that push and the intake job: the planning job that started the push may end (and be exported)
            // after a short push has.
            .FirstOrDefault(t => t.Any(s => s.DisplayName == "marketplace update_stock" && s.GetTagItem("marketsync.outcome") as string == "ok"
                    && Ancestor(t, s, a => a.DisplayName == "job PushChannelJob.RunAsync") is { } push
                    && Ancestor(t, push, a => a.DisplayName == "job RegistryPullJob.RunAsync") is not null))
            ?? [];
    }

    private static string Describe(IReadOnlyList<Activity> trace) =>
        string.Join(Environment.NewLine, trace.Select(s => $"{s.SpanId} <- {s.ParentSpanId} {s.Source.Name} {s.Kind} {s.DisplayName}"));

    /// <summary>The nearest span above <paramref name="span"/> in the trace that matches, or null.</summary>
    private static Activity? Ancestor(IReadOnlyList<Activity> trace, Activity span, Func<Activity, bool> match)
    {
        var bySpan = trace.GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
        for (var current = span; bySpan.TryGetValue(current.ParentSpanId, out var parent); current = parent)
        {
            if (match(parent))
            {
                return parent;
            }
        }

        return null;
    }

    private async Task WaitAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {timeout} for {what}.{Environment.NewLine}{host.Log.Describe()}");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
