using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace Ocop.MarketSync.Sync.Marketplaces;

/// <summary>
/// The HTTP pipeline every marketplace adapter uses: one retry of a failed read (GET: 5xx, connection error, attempt
/// timeout), then the attempt timeout. Writes are never retried here: a create whose answer was lost may have gone
/// through (the engine resolves it by lookup), and a token refresh whose answer was lost has already invalidated the
/// old refresh token. Throttling is not retried here either: the engine waits out RateLimited across the channel.
/// A circuit breaker between them stops calling a shop that keeps failing (half of at least 20 attempts in 30 s
/// answered 5xx, refused or timed out): calls fail at once as Transient for 15 s, then one probes (half-open).
/// </summary>
public static class MarketplaceHttpResilience
{
    public static void AddReadRetryAndTimeout(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, TimeSpan readRetryDelay, TimeSpan attemptTimeout)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 1,
            Delay = readRetryDelay,
            BackoffType = DelayBackoffType.Constant,
            UseJitter = true,
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                // A 429 is not a 5xx: it is left to the engine, which waits for its Retry-After.
                { Result: { } response } => (int)response.StatusCode >= 500,
                { Exception: HttpRequestException or TimeoutRejectedException } => true,
                _ => false,
            }),
        };
        retry.DisableForUnsafeHttpMethods();
        var breaker = new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = 20,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(15),
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                // Throttling is the marketplace working as designed, paced by the engine: not a failure of the shop.
                { Result: { } response } => (int)response.StatusCode >= 500,
                { Exception: HttpRequestException or TimeoutRejectedException } => true,
                _ => false,
            }),
        };
        // Inside the retry (a retried read is two attempts), outside the timeout (a timed-out attempt is a failure).
        pipeline.AddRetry(retry).AddCircuitBreaker(breaker).AddTimeout(attemptTimeout);
    }
}
