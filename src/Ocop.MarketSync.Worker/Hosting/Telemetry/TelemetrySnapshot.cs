using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Channels;

namespace Ocop.MarketSync.Worker.Hosting.Telemetry;

/// <summary>The database and Hangfire values behind <see cref="TelemetryGauges"/>, as of one moment.</summary>
internal sealed record TelemetrySnapshot(
    IReadOnlyList<Measurement<long>> Listings,
    IReadOnlyList<Measurement<long>> Backlog,
    IReadOnlyList<Measurement<double>> BacklogAge,
    IReadOnlyList<Measurement<long>> HeldPrices,
    IReadOnlyList<Measurement<long>> QueueDepth,
    IReadOnlyList<Measurement<long>> Jobs,
    IReadOnlyList<Measurement<long>> OpenAlerts)
{
    /// <summary>Three grouped queries on listings (index on channel_id) and Hangfire's own counters.</summary>
    public static async Task<TelemetrySnapshot> TakeAsync(
        IServiceProvider services, Hangfire.JobStorage storage, IReadOnlyList<ChannelOptions> channels, IReadOnlyList<string> queues,
        CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<MarketSyncDbContext>();
        var counts = await db.Listings.AsNoTracking()
            .GroupBy(l => new { l.ChannelId, l.State })
            .Select(g => new { g.Key.ChannelId, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var dirty = await db.Listings.AsNoTracking().Where(l => l.Dirty)
            .GroupBy(l => l.ChannelId)
            .Select(g => new { ChannelId = g.Key, Count = g.Count(), Oldest = g.Min(l => l.UpdatedAt) })
            .ToListAsync(cancellationToken);
        var held = await HeldPricesAsync(db, cancellationToken);
        var open = await db.Alerts.AsNoTracking().Where(a => a.ResolvedAt == null)
            .Select(a => new { a.Kind, a.Subject, a.Code })
            .ToListAsync(cancellationToken);
        var now = DateTime.UtcNow;

        var listings = new List<Measurement<long>>();
        var backlog = new List<Measurement<long>>();
        var age = new List<Measurement<double>>();
        var heldPrices = new List<Measurement<long>>();
        foreach (var channel in channels)
        {
            var tag = new KeyValuePair<string, object?>("channel", channel.Id);
            foreach (var state in Enum.GetValues<ListingState>())
            {
                listings.Add(new(counts.Where(c => c.ChannelId == channel.Id && c.State == state).Sum(c => (long)c.Count),
                    tag, new KeyValuePair<string, object?>("state", state.ToString())));
            }

            var waiting = dirty.FirstOrDefault(d => d.ChannelId == channel.Id);
            backlog.Add(new(waiting?.Count ?? 0, tag));
            age.Add(new(waiting is null ? 0 : Math.Max(0, (now - waiting.Oldest).TotalSeconds), tag));
            heldPrices.Add(new(held.GetValueOrDefault(channel.Id), tag));
        }

        var monitoring = storage.GetMonitoringApi();
        var depth = queues.Select(q => new Measurement<long>(monitoring.EnqueuedCount(q), new KeyValuePair<string, object?>("queue", q))).ToList();
        var statistics = monitoring.GetStatistics();
        List<Measurement<long>> jobs =
        [
            new(statistics.Scheduled, new KeyValuePair<string, object?>("state", "scheduled")),
            new(statistics.Processing, new KeyValuePair<string, object?>("state", "processing")),
            new(statistics.Failed, new KeyValuePair<string, object?>("state", "failed")),
        ];
        // One series per open alert (value 1), and a 0 per alert kind with none open, so an alert rule on
        // "== 1" fires and resolves with the alert itself and the series never goes absent.
        List<Measurement<long>> alerts =
        [
            .. open.Select(a => new Measurement<long>(1, new("kind", a.Kind), new("subject", a.Subject), new("code", a.Code))),
            .. Sync.Operations.AlertKinds.All.Where(k => open.All(a => a.Kind != k))
                .Select(k => new Measurement<long>(0, new("kind", k), new("subject", ""), new("code", ""))),
        ];
        return new TelemetrySnapshot(listings, backlog, age, heldPrices, depth, jobs, alerts);
    }

    /// <summary>
    /// Held prices live inside the desired-state JSON (<c>heldPriceVnd</c>, written only when set), so this is the one
    /// provider-specific query: jsonb on PostgreSQL, json_extract on SQLite.
    /// </summary>
    private static async Task<Dictionary<string, long>> HeldPricesAsync(MarketSyncDbContext db, CancellationToken cancellationToken)
    {
        var sql = db.Database.IsNpgsql()
            ? $"SELECT channel_id AS \"Channel\", count(*) AS \"Count\" FROM {MarketSyncDbContext.Schema}.listings WHERE desired ->> 'heldPriceVnd' IS NOT NULL GROUP BY channel_id"
            : "SELECT channel_id AS \"Channel\", count(*) AS \"Count\" FROM listings WHERE json_extract(desired, '$.heldPriceVnd') IS NOT NULL GROUP BY channel_id";
        var rows = await db.Database.SqlQueryRaw<HeldRow>(sql).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Channel, r => r.Count, StringComparer.Ordinal);
    }

    private sealed record HeldRow(string Channel, long Count);
}
