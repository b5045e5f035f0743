using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.Tiki.Api;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Registration;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Tiki;

/// <summary>
/// Builds a <see cref="TikiMarketplaceClient"/> for a channel with <c>Marketplace=tiki</c>, on the channel's named
/// HTTP client (<c>marketplace:{id}</c>: resilience pipeline, pacing, then the bearer handler).
/// </summary>
internal sealed class TikiMarketplaceClientFactory(
    IHttpClientFactory httpClients,
    IOptionsMonitor<TikiChannelOptions> channelOptions,
    MarketplaceChannelRegistry<TikiChannelOptions> registry,
    TimeProvider time)
    : MarketplaceClientFactory<TikiChannelOptions>(
        httpClients, channelOptions, registry, "AddTikiMarketplace", "the Tiki API host, e.g. https://api.tiki.vn/.")
{
    /// <summary>Token calls and the seller check after them: never retried (a code works once, a refresh token too).</summary>
    public const string AuthHttpClientName = "tiki:auth";

    protected override MarketplaceCapabilities CapabilitiesFor(TikiChannelOptions options) => TikiCapabilities.For(options);

    public override IMarketplaceClient Create(ChannelOptions channel)
    {
        var options = OptionsOf(channel.Id);
        return new TikiMarketplaceClient(Api(channel), new TikiWireMapper(options), Errors(options), TikiCapabilities.For(options), time, options.ReconcileFrom, options.ListResultCap);
    }

    /// <summary>The channel's API on its own client (bearer, pace, pipeline), for the event queue reader too.</summary>
    public ITikiApi Api(ChannelOptions channel) => RestService.ForGenerated<ITikiApi>(ChannelHttpClient(channel), TikiJson.Refit);

    public TikiErrorMapper Errors(string channelId) => Errors(OptionsOf(channelId));

    public TikiChannelOptions Options(string channelId) => OptionsOf(channelId);

    private static TikiErrorMapper Errors(TikiChannelOptions options) => new(options.RateLimitRetryAfter);
}
