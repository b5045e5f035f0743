using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.Lazada.Api;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Lazada;

/// <summary>
/// Builds a <see cref="LazadaMarketplaceClient"/> for a channel configured with <c>Marketplace=lazada</c>, on the
/// channel's named HTTP client (<c>marketplace:{id}</c>: pooled handlers, its resilience pipeline, the signing handler).
/// </summary>
internal sealed class LazadaMarketplaceClientFactory(
    IHttpClientFactory httpClients,
    IOptionsMonitor<LazadaChannelOptions> channelOptions,
    LazadaChannelRegistry registry,
    TimeProvider time) : IMarketplaceClientFactory
{
    public string Marketplace => LazadaCapabilities.Marketplace;

    public MarketplaceCapabilities Capabilities(ChannelOptions channel) =>
        LazadaCapabilities.For(channelOptions.Get(channel?.Id ?? throw new ArgumentNullException(nameof(channel))));

    /// <exception cref="ArgumentException">The channel is of another marketplace.</exception>
    /// <exception cref="InvalidOperationException">The channel has no base address, or was not configured when the service started.</exception>
    public IMarketplaceClient Create(ChannelOptions channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (!string.Equals(channel.Marketplace, Marketplace, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Channel '{channel.Id}' is of marketplace '{channel.Marketplace}', not '{Marketplace}'.", nameof(channel));
        }

        var baseUrl = channel.BaseUrl ?? throw new InvalidOperationException(
            $"Channels:{channel.Id}:BaseUrl is required: the Lazada gateway of the shop's country, e.g. https://api.lazada.vn/rest.");
        if (!registry.Contains(channel.Id))
        {
            throw new InvalidOperationException(
                $"Channel '{channel.Id}' was not under Channels with Marketplace=lazada when AddLazadaMarketplace ran, so it has no HTTP client.");
        }

        var http = httpClients.CreateClient(LazadaChannelRegistry.ApiClientName(channel.Id));
        http.BaseAddress = baseUrl;
        var api = RestService.ForGenerated<ILazadaApi>(http, LazadaRefitSettings.Instance);
        return new LazadaMarketplaceClient(api, channelOptions.Get(channel.Id), time);
    }
}
