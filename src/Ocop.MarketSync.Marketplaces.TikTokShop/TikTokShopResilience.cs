using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

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
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 1,
            Delay = options.ReadRetryDelay,
            BackoffType = DelayBackoffType.Constant,
            UseJitter = true,
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Result: { } response } => (int)response.StatusCode >= 500,
                { Exception: HttpRequestException or TimeoutRejectedException } => true,
                _ => false,
            }),
        };
        // Search is a POST too, so it is not retried either; the engine pages again on its next reconciliation.
        retry.DisableForUnsafeHttpMethods();
        pipeline.AddRetry(retry).AddTimeout(options.AttemptTimeout);
    }
}
