using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace Ocop.MarketSync.Marketplaces.Sandbox;

/// <summary>
/// The HTTP pipeline of a sandbox channel: one retry of failed reads, then the attempt timeout. Batch writes are
/// never retried here (see <see cref="Microsoft.Extensions.DependencyInjection.SandboxMarketplaceServiceCollectionExtensions.AddSandboxMarketplace"/>).
/// </summary>
internal static class SandboxResilience
{
    public const string PipelineName = "sandbox";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, SandboxChannelOptions options)
    {
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 1,
            Delay = options.ReadRetryDelay,
            BackoffType = DelayBackoffType.Constant,
            UseJitter = true,
            // A 429 is not retried here at all: the engine waits for its Retry-After across the whole channel.
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Result: { } response } => (int)response.StatusCode >= 500,
                { Exception: HttpRequestException or TimeoutRejectedException } => true,
                _ => false,
            }),
        };
        // POST (every batch write) is unsafe: a write whose answer was lost may have been applied.
        retry.DisableForUnsafeHttpMethods();
        pipeline.AddRetry(retry).AddTimeout(options.AttemptTimeout);
    }
}
