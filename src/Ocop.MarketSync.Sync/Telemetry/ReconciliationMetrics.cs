using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Sync.Telemetry;

/// <summary>Adds a finished reconciliation run's counts to <see cref="MarketSyncTelemetry.ReconciliationFindings"/>.</summary>
internal static class ReconciliationMetrics
{
    public static void Record(ReconciliationRun run)
    {
        if (!MarketSyncTelemetry.ReconciliationFindings.Enabled)
        {
            return;
        }

        Add(run.ChannelId, "drift_price", run.DriftedPrice);
        Add(run.ChannelId, "drift_stock", run.DriftedStock);
        Add(run.ChannelId, "drift_content", run.DriftedContent);
        Add(run.ChannelId, "drift_status", run.DriftedStatus);
        Add(run.ChannelId, "missing", run.Missing);
        Add(run.ChannelId, "banned", run.Banned);
        Add(run.ChannelId, "orphaned", run.Orphaned);
    }

    // Zero is added too, so every series exists from the first run and rate() has a baseline.
    private static void Add(string channel, string finding, int count) =>
        MarketSyncTelemetry.ReconciliationFindings.Add(count,
            new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("finding", finding));
}
