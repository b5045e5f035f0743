using Hangfire;
using Microsoft.Extensions.Logging;
using Ocop.MarketSync.Sync.Jobs;
using Ocop.MarketSync.Sync.Marketplaces.Webhooks;

namespace Ocop.MarketSync.Sync.Listings.Reconciliation;

/// <summary>
/// Acts on one marketplace webhook, after the endpoint has acknowledged it: the item is read back and reconciled
/// (so a forged or stale message can at worst cause a read). An authorisation about to lapse raises an alert.
/// </summary>
public sealed class MarketplaceHintJob(ChannelReconciler reconciler, ILogger<MarketplaceHintJob> logger)
{
    [JobDisplayName("Marketplace webhook {1} for channel {0}, item {2}")]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [10, 60, 300])]
    public async Task<string> RunAsync(string channelId, MarketplaceHintKind kind, string? remoteId, string? detail, CancellationToken cancellationToken)
    {
        if (kind == MarketplaceHintKind.AuthorizationExpiring)
        {
            logger.LogError("ALERT channel {Channel}: the marketplace says its authorisation expires or was cancelled ({Detail}); run `channel authorize` soon",
                channelId, detail);
            return JobSummaries.Hint(kind, channelId, remoteId, null);
        }

        if (remoteId is null)
        {
            logger.LogInformation("Webhook {Kind} for {Channel} names no item; the nightly reconciliation covers it", kind, channelId);
            return JobSummaries.Hint(kind, channelId, null, null);
        }

        var run = await reconciler.RunForItemAsync(channelId, remoteId, $"webhook:{kind}", cancellationToken);
        return JobSummaries.Hint(kind, channelId, remoteId, run);
    }
}
