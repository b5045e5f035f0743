using Hangfire;
using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Listings.Jobs;
using Ocop.MarketSync.Sync.Listings.Reconciliation;

namespace Ocop.MarketSync.Worker.Hosting;

/// <summary>
/// The embedded marketplaces (sandbox and simulators) keep their items in memory, while our listings persist (SQLite in
/// ./data, or PostgreSQL). After a restart the listings say Active on a marketplace that holds nothing: a channel that
/// already has listed items gets a reconciliation at start, which finds them missing and lists them again.
/// </summary>
internal static class InMemoryMarketplaceRelist
{
    public const string RequestedBy = "embedded-start";

    public static async Task QueueIfListedAsync(IServiceProvider services, string channelId, string marketplace, ILogger logger, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<MarketSyncDbContext>();
        if (!await db.Listings.AnyAsync(l => l.ChannelId == channelId && l.RemoteId != null, cancellationToken))
        {
            return;
        }

        var run = new ReconciliationRun
        {
            ChannelId = channelId,
            RequestedBy = RequestedBy,
            Status = ReconciliationStatus.Queued,
            RequestedAt = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        };
        db.ReconciliationRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        var runId = run.Id;
        services.GetRequiredService<IBackgroundJobClient>().Enqueue<ReconcileChannelJob>(
            PushQueues.For(marketplace), job => job.RunAsync(channelId, runId, CancellationToken.None));
        logger.LogInformation(
            "Channel {Channel}: an earlier run listed items on an in-memory marketplace that no longer holds them; reconciliation {RunId} queued to list them again",
            channelId, runId);
    }
}
