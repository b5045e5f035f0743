using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.TikTokShop.Api;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Refit;

namespace Ocop.MarketSync.Marketplaces.TikTokShop;

/// <summary>
/// Builds a <see cref="TikTokShopMarketplaceClient"/> for a channel with <c>Marketplace=tiktokshop</c>, on the
/// channel's named HTTP client (<c>marketplace:{id}</c>: resilience pipeline, then the signing handler).
/// </summary>
internal sealed class TikTokShopMarketplaceClientFactory(
    IHttpClientFactory httpClients,
    IOptionsMonitor<TikTokShopChannelOptions> channelOptions,
    TikTokShopChannelRegistry registry) : IMarketplaceClientFactory
{
    public string Marketplace => TikTokShopCapabilities.Marketplace;

    public MarketplaceCapabilities Capabilities(ChannelOptions channel) =>
        TikTokShopCapabilities.For(channelOptions.Get(channel?.Id ?? throw new ArgumentNullException(nameof(channel))));

    /// <exception cref="ArgumentException">The channel is of another marketplace.</exception>
    /// <exception cref="InvalidOperationException">The channel has no base address, or was not configured at start.</exception>
    public IMarketplaceClient Create(ChannelOptions channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (!string.Equals(channel.Marketplace, Marketplace, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Channel '{channel.Id}' is of marketplace '{channel.Marketplace}', not '{Marketplace}'.", nameof(channel));
        }

        var baseUrl = channel.BaseUrl ?? throw new InvalidOperationException(
            $"Channels:{channel.Id}:BaseUrl is required: the TikTok Shop API host, e.g. https://open-api.tiktokglobalshop.com/.");
        if (!registry.Contains(channel.Id))
        {
            throw new InvalidOperationException(
                $"Channel '{channel.Id}' was not under Channels with Marketplace=tiktokshop when AddTikTokShopMarketplace ran, so it has no HTTP client.");
        }

        var options = channelOptions.Get(channel.Id);
        var http = httpClients.CreateClient(TikTokShopChannelRegistry.HttpClientName(channel.Id));
        http.BaseAddress = baseUrl;
        var api = RestService.ForGenerated<ITikTokShopApi>(http, TikTokShopJson.Refit);
        var errors = new TikTokShopErrorMapper(options.PromotionLockRetryAfter);
        var uploader = new TikTokShopImageUploader(api, httpClients.CreateClient(TikTokShopChannelRegistry.ImagesHttpClientName), errors);
        return new TikTokShopMarketplaceClient(
            api, uploader, new TikTokShopWireMapper(options), errors, TikTokShopCapabilities.For(options), options);
    }
}
