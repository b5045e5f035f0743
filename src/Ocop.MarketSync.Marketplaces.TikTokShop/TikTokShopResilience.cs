using Ocop.MarketSync.Sync.Marketplaces;
using Polly;

namespace Ocop.MarketSync.Marketplaces.TikTokShop;

/// <summary>
/// The HTTP pipeline of a TikTok Shop channel: one retry of failed GETs, then the attempt timeout. Every write
/// (POST, PUT) is never retried here: TikTok has no idempotency key, so a create whose answer was lost and sent
/// again is a duplicate listing. A 429 is not retried either: the engine waits across the whole channel.
/// </summary>
internal static class TikTokShopResilience
{
    public const string PipelineName = "tiktokshop";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, TikTokShopChannelOptions options)
    {
        MarketplaceHttpResilience.AddReadRetryAndTimeout(pipeline, options.ReadRetryDelay, options.AttemptTimeout);
    }
}
