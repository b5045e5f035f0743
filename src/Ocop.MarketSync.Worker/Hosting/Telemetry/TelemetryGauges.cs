using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Telemetry;

namespace Ocop.MarketSync.Worker.Hosting.Telemetry;

/// <summary>
/// The gauges that read the database and Hangfire: listings by state, the dirty backlog and its age, held prices
/// (per channel) and the queue depth. They come from one <see cref="TelemetrySnapshot"/>, taken again only when a
/// collection finds it older than <c>Telemetry:GaugeRefresh</c>, in the background; a collection never waits for the
/// database except for the very first snapshot. So a scrape every 5 s costs a few GROUP BY queries every 30 s.
/// </summary>
/// <remarks>
/// Every node reports the same database-wide values: aggregate them with <c>max</c>, not <c>sum</c>
/// (docs/operations.md). The meter comes from the host's <see cref="IMeterFactory"/>, so a host that stops takes its
/// gauges (and their database) with it.
/// </remarks>
internal sealed class TelemetryGauges(
    IMeterFactory meters,
    IServiceScopeFactory scopes,
    Hangfire.JobStorage storage,
    ChannelCatalog channels,
    IConfiguration configuration,
    IOptions<TelemetryOptions> options,
    ILogger<TelemetryGauges> logger) : IHostedService
{
    private static readonly TimeSpan FirstSnapshotWait = TimeSpan.FromSeconds(10);
    private readonly Lock _gate = new();
    private TelemetrySnapshot? _current;
    private DateTime _takenAt;
    private Task? _refreshing;
    private Meter? _meter;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _meter = meters.Create(MarketSyncTelemetry.Name);
        _meter.CreateObservableGauge("marketsync.listings", () => Current()?.Listings ?? [], "{listing}",
            "Listings by channel and state (every enabled channel, every state, zeros included).");
        _meter.CreateObservableGauge("marketsync.listings.backlog", () => Current()?.Backlog ?? [], "{listing}",
            "Dirty listings per channel: changes not yet on the marketplace.");
        _meter.CreateObservableGauge("marketsync.listings.backlog.age", () => Current()?.BacklogAge ?? [], "s",
            "Age of the oldest dirty listing per channel (since its last change); 0 when nothing waits.");
        _meter.CreateObservableGauge("marketsync.prices.held", () => Current()?.HeldPrices ?? [], "{listing}",
            "Listings whose price change is held for staff approval, per channel.");
        _meter.CreateObservableGauge("marketsync.hangfire.queue.depth", () => Current()?.QueueDepth ?? [], "{job}",
            "Jobs enqueued and not yet taken, per Hangfire queue this node works.");
        _meter.CreateObservableGauge("marketsync.hangfire.jobs", () => Current()?.Jobs ?? [], "{job}",
            "Hangfire jobs by state: scheduled, processing, failed (failed stay until retried or deleted).");
        _meter.CreateObservableGauge("marketsync.alerts.open", () => Current()?.OpenAlerts ?? [], "{alert}",
            "1 per open operational alert (kind, subject, code: a stopped channel, the registry unreachable, the intake guard); 0 per kind with none.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _meter?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The last snapshot; starts a refresh when it is stale. Only the first call waits (bounded) for one.</summary>
    private TelemetrySnapshot? Current()
    {
        Task? first;
        lock (_gate)
        {
            var stale = _current is null || DateTime.UtcNow - _takenAt >= options.Value.GaugeRefresh;
            if (stale && (_refreshing is null || _refreshing.IsCompleted))
            {
                _refreshing = Task.Run(RefreshAsync);
            }

            first = _current is null ? _refreshing : null;
        }

        // Blocking is safe here: collection runs on the exporter's own thread, never on a request's, and only until
        // the first snapshot exists (bounded, so a database that is down cannot hang a scrape).
        first?.Wait(FirstSnapshotWait);
        return _current;
    }

    private async Task RefreshAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var snapshot = await TelemetrySnapshot.TakeAsync(scope.ServiceProvider, storage, channels.Enabled, HangfireHostingExtensions.Queues(configuration), CancellationToken.None);
            lock (_gate)
            {
                _current = snapshot;
                _takenAt = DateTime.UtcNow;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Metrics must not fail the scrape or the node: keep the last snapshot and say why it is old.
            logger.LogWarning(ex, "Telemetry gauges: the snapshot of listings and queues could not be taken; the last one is kept");
            lock (_gate)
            {
                _takenAt = DateTime.UtcNow;
            }
        }
    }
}
