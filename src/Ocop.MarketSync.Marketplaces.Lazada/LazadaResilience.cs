using Ocop.MarketSync.Sync.Marketplaces;
using Polly;

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
        MarketplaceHttpResilience.AddReadRetryAndTimeout(pipeline, options.ReadRetryDelay, options.AttemptTimeout);
    }
}
