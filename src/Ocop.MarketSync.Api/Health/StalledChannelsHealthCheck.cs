using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Data;

namespace Ocop.MarketSync.Api.Health;

/// <summary>Section <c>Health</c>.</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>
    /// A channel with listings due for a push whose listings none has changed for this long is blocked: readiness
    /// Degraded, naming it. Default 10 minutes (a push touches its listings at every batch, even failed ones).
    /// </summary>
    public TimeSpan StalledChannelAfter { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Degraded while a channel has work due and no pusher makes progress on it: a node hung while holding the channel's
/// lock, or no worker listening to its queue. A stopped channel is reported by the alerts check instead. The answer
/// is kept for 30 s so frequent probes from several nodes do not each scan the listings.
/// </summary>
public sealed class StalledChannelsHealthCheck(
    MarketSyncDbContext db, TimeProvider time, IOptions<HealthOptions> options, StalledChannelsHealthCheck.Cache cache) : IHealthCheck
{
    private static readonly TimeSpan Keep = TimeSpan.FromSeconds(30);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (cache.Last is { } last && now - last.At < Keep && now >= last.At)
        {
            return last.Result;
        }

        var result = await EvaluateAsync(now, cancellationToken);
        cache.Last = (now, result);
        return result;
    }

    /// <summary>The last answer of this host (a singleton: the check itself is created per probe).</summary>
    public sealed class Cache
    {
        private (DateTime At, HealthCheckResult Result)? _last;
        private readonly Lock _gate = new();

        public (DateTime At, HealthCheckResult Result)? Last
        {
            get { lock (_gate) { return _last; } }
            set { lock (_gate) { _last = value; } }
        }
    }

    private async Task<HealthCheckResult> EvaluateAsync(DateTime now, CancellationToken cancellationToken)
    {
        // Cheap in the steady state: the dirty rows have a partial index, and usually there are none due.
        var due = await db.Listings.AsNoTracking()
            .Where(l => l.Dirty && (l.NextAttemptAt == null || l.NextAttemptAt <= now))
            .GroupBy(l => l.ChannelId)
            .Select(g => new { ChannelId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return HealthCheckResult.Healthy("No listing is waiting for a push.");
        }

        var stalledSince = now - options.Value.StalledChannelAfter;
        var channels = due.Select(d => d.ChannelId).ToList();
        var lastProgress = await db.Listings.AsNoTracking()
            .Where(l => channels.Contains(l.ChannelId))
            .GroupBy(l => l.ChannelId)
            .Select(g => new { ChannelId = g.Key, At = g.Max(l => l.UpdatedAt) })
            .ToDictionaryAsync(g => g.ChannelId, g => g.At, cancellationToken);
        var stalled = due.Where(d => lastProgress.GetValueOrDefault(d.ChannelId) < stalledSince).ToList();
        return stalled.Count == 0
            ? HealthCheckResult.Healthy($"{due.Sum(d => d.Count)} listings due, all channels progressing.")
            : HealthCheckResult.Degraded("Blocked: " + string.Join("; ", stalled.Select(s =>
                $"{s.ChannelId}: {s.Count} listings due, none pushed since {lastProgress.GetValueOrDefault(s.ChannelId):yyyy-MM-ddTHH:mm:ssZ}")));
    }
}
