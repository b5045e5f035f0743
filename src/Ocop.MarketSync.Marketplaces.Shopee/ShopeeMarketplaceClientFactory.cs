using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.Shopee.Api;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Registration;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Shopee;

/// <summary>
/// Builds a <see cref="ShopeeMarketplaceClient"/> for a channel with <c>Marketplace=shopee</c>, on the channel's
/// named HTTP client (<c>marketplace:{id}</c>: resilience pipeline, then the signing handler).
/// </summary>
internal sealed class ShopeeMarketplaceClientFactory(
    IHttpClientFactory httpClients,
    IOptionsMonitor<ShopeeChannelOptions> channelOptions,
    MarketplaceChannelRegistry<ShopeeChannelOptions> registry,
    TimeProvider time)
    : MarketplaceClientFactory<ShopeeChannelOptions>(
        httpClients, channelOptions, registry, "AddShopeeMarketplace", "https://partner.shopeemobile.com/ or the sandbox host.")
{
    /// <summary>Image downloads (listing images are uploaded to Shopee, not linked): no signing, no Shopee pipeline.</summary>
    public const string ImageClientName = "shopee-images";

    protected override MarketplaceCapabilities CapabilitiesFor(ShopeeChannelOptions options) => ShopeeCapabilities.For(options);

    public override IMarketplaceClient Create(ChannelOptions channel)
    {
        var options = OptionsOf(channel.Id);
        return new ShopeeMarketplaceClient(
            Api(channel), HttpClients.CreateClient(ImageClientName), options, ShopeeCapabilities.For(options), time);
    }

    /// <summary>The channel's Shopee API on its own pipeline; the authorizer uses it too (token calls are signed publicly).</summary>
    internal IShopeeApi Api(ChannelOptions channel) =>
        RestService.ForGenerated<IShopeeApi>(ChannelHttpClient(channel), ShopeeRefitSettings.Instance);
}
