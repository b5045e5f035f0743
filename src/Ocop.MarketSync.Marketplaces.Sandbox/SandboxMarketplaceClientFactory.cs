using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.Sandbox.Api;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Sandbox;

/// <summary>
/// Builds a <see cref="SandboxMarketplaceClient"/> for a channel configured with <c>Marketplace=sandbox</c>, on the
/// channel's named HTTP client (<c>marketplace:{id}</c>, pooled handlers and its own resilience pipeline).
/// </summary>
internal sealed class SandboxMarketplaceClientFactory(
    IHttpClientFactory httpClients,
    IOptionsMonitor<SandboxChannelOptions> channelOptions,
    SandboxChannelRegistry registry,
    TimeProvider time) : IMarketplaceClientFactory
{
    public string Marketplace => SandboxCapabilities.Marketplace;

    public MarketplaceCapabilities Capabilities(ChannelOptions channel) =>
        SandboxCapabilities.For(channelOptions.Get(channel?.Id ?? throw new ArgumentNullException(nameof(channel))));

    /// <exception cref="ArgumentException">The channel is of another marketplace.</exception>
    /// <exception cref="InvalidOperationException">The channel has no base address, or was not configured when the service started.</exception>
    public IMarketplaceClient Create(ChannelOptions channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (!string.Equals(channel.Marketplace, Marketplace, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"Channel '{channel.Id}' is of marketplace '{channel.Marketplace}', not '{Marketplace}'.", nameof(channel));
        }

        var baseUrl = channel.BaseUrl ?? throw new InvalidOperationException(
            $"Channels:{channel.Id}:BaseUrl is required: the address of the sandbox marketplace API.");
        if (!registry.Contains(channel.Id))
        {
            throw new InvalidOperationException(
                $"Channel '{channel.Id}' was not under Channels with Marketplace=sandbox when AddSandboxMarketplace ran, so it has no HTTP client.");
        }

        var http = httpClients.CreateClient(SandboxChannelRegistry.HttpClientName(channel.Id));
        http.BaseAddress = baseUrl;
        var api = RestService.ForGenerated<ISandboxMarketplaceApi>(http, SandboxRefitSettings.Instance);
        var options = channelOptions.Get(channel.Id);
        // The uploads use the same api, so the same named client: its pace and resilience pipeline count them too.
        return new SandboxMarketplaceClient(api, SandboxCapabilities.For(options), time,
            options.UploadImages ? new SandboxImageUploader(api, time) : null);
    }
}
