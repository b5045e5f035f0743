using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.TikTokShop.Api;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Registration;
using Refit;

namespace Ocop.MarketSync.Marketplaces.TikTokShop;

/// <summary>
/// Builds a <see cref="TikTokShopMarketplaceClient"/> for a channel with <c>Marketplace=tiktokshop</c>, on the
/// channel's named HTTP client (<c>marketplace:{id}</c>: resilience pipeline, then the signing handler).
/// </summary>
internal sealed class TikTokShopMarketplaceClientFactory(
    IHttpClientFactory httpClients,
    IOptionsMonitor<TikTokShopChannelOptions> channelOptions,
    MarketplaceChannelRegistry<TikTokShopChannelOptions> registry)
    : MarketplaceClientFactory<TikTokShopChannelOptions>(
        httpClients, channelOptions, registry, "AddTikTokShopMarketplace",
        "the TikTok Shop API host, e.g. https://open-api.tiktokglobalshop.com/.")
{
    /// <summary>Token host calls and the shop lookup after them: never retried (an auth code works once).</summary>
    public const string AuthHttpClientName = "tiktokshop:auth";

    /// <summary>Fetching our own images before uploading them to TikTok.</summary>
    public const string ImagesHttpClientName = "tiktokshop:images";

    protected override MarketplaceCapabilities CapabilitiesFor(TikTokShopChannelOptions options) => TikTokShopCapabilities.For(options);

    public override IMarketplaceClient Create(ChannelOptions channel)
    {
        var http = ChannelHttpClient(channel);
        var options = OptionsOf(channel.Id);
        var api = RestService.ForGenerated<ITikTokShopApi>(http, TikTokShopJson.Refit);
        var errors = new TikTokShopErrorMapper(options.PromotionLockRetryAfter);
        var uploader = new TikTokShopImageUploader(api, HttpClients.CreateClient(ImagesHttpClientName), errors);
        return new TikTokShopMarketplaceClient(
            api, uploader, new TikTokShopWireMapper(options), errors, TikTokShopCapabilities.For(options), options);
    }
}
