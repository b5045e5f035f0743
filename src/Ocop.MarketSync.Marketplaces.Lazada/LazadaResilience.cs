using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace Ocop.MarketSync.Marketplaces.Lazada;

/// <summary>
/// The HTTP pipeline of a Lazada channel: one retry of failed reads (GET), then the attempt timeout. Writes are
/// never retried here: a create whose answer was lost may have gone through, and a refresh whose answer was lost
/// has already invalidated the old refresh token. Throttling (ApiCallLimit, 901) arrives with HTTP 200 and is
/// left to the engine, which waits its RetryAfter across the whole channel.
/// </summary>
internal static class LazadaResilience
{
    public const string PipelineName = "lazada";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, LazadaChannelOptions options)
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
        retry.DisableForUnsafeHttpMethods();
        pipeline.AddRetry(retry).AddTimeout(options.AttemptTimeout);
    }
}
