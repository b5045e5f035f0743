using Ocop.MarketSync.Sync.Marketplaces;
using Polly;

namespace Ocop.MarketSync.Marketplaces.Shopee;

/// <summary>
/// The HTTP pipeline of a Shopee channel: one retry of failed reads (GET), then the attempt timeout. Writes are all
/// POSTs and never retried here: add_item has no idempotency key, so a lost answer is resolved by search_item, not
/// by sending it again. A throttled call is not retried either; the engine waits out its RateLimited.
/// </summary>
internal static class ShopeeResilience
{
    public const string PipelineName = "shopee";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ShopeeChannelOptions options)
    {
        MarketplaceHttpResilience.AddReadRetryAndTimeout(pipeline, options.ReadRetryDelay, options.AttemptTimeout);
    }
}
