using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Ocop.MarketSync.Data;

namespace Ocop.MarketSync.Api.Health;

/// <summary>
/// Degraded (not Unhealthy) while an operational alert is open: a stopped channel or an unreachable registry needs a
/// person, but the node must stay in rotation — the other channels, the API and the dashboard keep working.
/// </summary>
internal sealed class OpenAlertsHealthCheck(MarketSyncDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var open = await db.Alerts.AsNoTracking()
            .Where(a => a.ResolvedAt == null)
            .OrderBy(a => a.Id)
            .Select(a => new { a.Kind, a.Subject, a.Code, a.Since })
            .Take(20)
            .ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return HealthCheckResult.Healthy("No open alert.");
        }

        var list = string.Join("; ", open.Select(a => $"{a.Kind} {a.Subject} ({a.Code}) since {a.Since:yyyy-MM-ddTHH:mm:ssZ}"));
        return HealthCheckResult.Degraded($"Open alerts (GET /api/alerts): {list}");
    }
}

/// <summary>
/// Hangfire's storage answers: without it no job is queued or run, so the node is not ready. A cheap read of one
/// hash (PostgreSQL: one indexed query; in memory: a dictionary).
/// </summary>
internal sealed class HangfireStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = storage.GetConnection();
            _ = connection.GetAllEntriesFromHash("recurring-job:registry-pull");
            return Task.FromResult(HealthCheckResult.Healthy());
        }
#pragma warning disable CA1031 // Any failure of the storage means "not ready"; the message is not exposed (HealthEndpoints).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Hangfire storage does not answer.", ex));
        }
    }
}
