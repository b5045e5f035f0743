using Ocop.MarketSync.Sync.Marketplaces;
using Polly;

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
        MarketplaceHttpResilience.AddReadRetryAndTimeout(pipeline, options.ReadRetryDelay, options.AttemptTimeout);
    }
}
