using Ocop.MarketSync.Sync.Marketplaces.Pacing;

namespace Microsoft.Extensions.DependencyInjection;

public static class PacingHttpClientBuilderExtensions
{
    /// <summary>
    /// Paces the channel's HTTP client by its published limits (<see cref="PacingHandler"/>). Add it right after the
    /// resilience handler, before signing: each attempt waits its slot, and is signed when it really leaves. Without
    /// the sync engine registered (an adapter on its own, in its tests) requests pass unpaced.
    /// </summary>
    public static IHttpClientBuilder AddChannelPacing(this IHttpClientBuilder builder, string channelId)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddHttpMessageHandler(services =>
            services.GetService<ChannelPacers>() is { } pacers ? new PacingHandler(pacers.For(channelId)) : new DelegatingPassThrough());
    }

    private sealed class DelegatingPassThrough : DelegatingHandler;
}
