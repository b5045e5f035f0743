using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.Lazada.Api;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Registration;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Lazada;

/// <summary>
/// Builds a <see cref="LazadaMarketplaceClient"/> for a channel configured with <c>Marketplace=lazada</c>, on the
/// channel's named HTTP client (<c>marketplace:{id}</c>: pooled handlers, its resilience pipeline, the signing handler).
/// </summary>
internal sealed class LazadaMarketplaceClientFactory(
    IHttpClientFactory httpClients,
    IOptionsMonitor<LazadaChannelOptions> channelOptions,
    MarketplaceChannelRegistry<LazadaChannelOptions> registry,
    TimeProvider time)
    : MarketplaceClientFactory<LazadaChannelOptions>(
        httpClients, channelOptions, registry, "AddLazadaMarketplace",
        "the Lazada gateway of the shop's country, e.g. https://api.lazada.vn/rest.")
{
    /// <summary>The channel's client for the token host (<c>Lazada:AuthBaseUrl</c>), used by the authorizer.</summary>
    public static string AuthClientName(string channelId) => "marketplace-auth:" + channelId;

    protected override MarketplaceCapabilities CapabilitiesFor(LazadaChannelOptions options) => LazadaCapabilities.For(options);

    public override IMarketplaceClient Create(ChannelOptions channel)
    {
        var api = RestService.ForGenerated<ILazadaApi>(ChannelHttpClient(channel), LazadaRefitSettings.Instance);
        return new LazadaMarketplaceClient(api, OptionsOf(channel.Id), time);
    }
}
