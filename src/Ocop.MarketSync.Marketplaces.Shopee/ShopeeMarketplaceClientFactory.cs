using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.Shopee.Api;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Shopee;

/// <summary>
/// Builds a <see cref="ShopeeMarketplaceClient"/> for a channel with <c>Marketplace=shopee</c>, on the channel's
/// named HTTP client (<c>marketplace:{id}</c>: resilience pipeline, then the signing handler).
/// </summary>
internal sealed class ShopeeMarketplaceClientFactory(
    IHttpClientFactory httpClients,
    IOptionsMonitor<ShopeeChannelOptions> channelOptions,
    ShopeeChannelRegistry registry,
    TimeProvider time) : IMarketplaceClientFactory
{
    public string Marketplace => ShopeeCapabilities.Marketplace;

    public MarketplaceCapabilities Capabilities(ChannelOptions channel) =>
        ShopeeCapabilities.For(channelOptions.Get(channel?.Id ?? throw new ArgumentNullException(nameof(channel))));

    /// <exception cref="ArgumentException">The channel is of another marketplace.</exception>
    /// <exception cref="InvalidOperationException">The channel has no base address, or was not configured at start.</exception>
    public IMarketplaceClient Create(ChannelOptions channel)
    {
        var options = channelOptions.Get(channel.Id);
        return new ShopeeMarketplaceClient(
            Api(channel), httpClients.CreateClient(ShopeeChannelRegistry.ImageClientName), options, ShopeeCapabilities.For(options), time);
    }

    /// <summary>The channel's Shopee API on its own pipeline; the authorizer uses it too (token calls are signed publicly).</summary>
    internal IShopeeApi Api(ChannelOptions channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (!string.Equals(channel.Marketplace, Marketplace, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Channel '{channel.Id}' is of marketplace '{channel.Marketplace}', not '{Marketplace}'.", nameof(channel));
        }

        var baseUrl = channel.BaseUrl ?? throw new InvalidOperationException(
            $"Channels:{channel.Id}:BaseUrl is required: https://partner.shopeemobile.com/ or the sandbox host.");
        if (!registry.TryGet(channel.Id, out _))
        {
            throw new InvalidOperationException(
                $"Channel '{channel.Id}' was not under Channels with Marketplace=shopee when AddShopeeMarketplace ran, so it has no HTTP client.");
        }

        var http = httpClients.CreateClient(ShopeeChannelRegistry.HttpClientName(channel.Id));
        http.BaseAddress = baseUrl;
        return RestService.ForGenerated<IShopeeApi>(http, ShopeeRefitSettings.Instance);
    }
}
