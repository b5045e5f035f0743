using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.Sendo.Api;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Registration;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Sendo;

/// <summary>
/// Builds a <see cref="SendoMarketplaceClient"/> for a channel with <c>Marketplace=sendo</c>, on the channel's named
/// HTTP client (<c>marketplace:{id}</c>: resilience pipeline, pacing, then the bearer-token handler).
/// </summary>
internal sealed class SendoMarketplaceClientFactory(
    IHttpClientFactory httpClients,
    IOptionsMonitor<SendoChannelOptions> channelOptions,
    MarketplaceChannelRegistry<SendoChannelOptions> registry,
    TimeProvider time)
    : MarketplaceClientFactory<SendoChannelOptions>(
        httpClients, channelOptions, registry, "AddSendoMarketplace", "the Sendo API host, e.g. https://open.sendo.vn/.")
{
    /// <summary>Logins: never retried over HTTP (the login limit is 5/s per IP), one timeout, no bearer handler.</summary>
    public const string LoginHttpClientName = "sendo:login";

    protected override MarketplaceCapabilities CapabilitiesFor(SendoChannelOptions options) => SendoCapabilities.For(options);

    public override IMarketplaceClient Create(ChannelOptions channel)
    {
        var http = ChannelHttpClient(channel);
        var options = OptionsOf(channel.Id);
        var api = RestService.ForGenerated<ISendoApi>(http, SendoJson.Refit);
        return new SendoMarketplaceClient(api, new SendoWireMapper(options), SendoCapabilities.For(options), options, time);
    }
}
