using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.Sandbox.Api;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Registration;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Sandbox;

/// <summary>
/// Builds a <see cref="SandboxMarketplaceClient"/> for a channel configured with <c>Marketplace=sandbox</c>, on the
/// channel's named HTTP client (<c>marketplace:{id}</c>, pooled handlers and its own resilience pipeline).
/// </summary>
internal sealed class SandboxMarketplaceClientFactory(
    IHttpClientFactory httpClients,
    IOptionsMonitor<SandboxChannelOptions> channelOptions,
    MarketplaceChannelRegistry<SandboxChannelOptions> registry,
    TimeProvider time)
    : MarketplaceClientFactory<SandboxChannelOptions>(
        httpClients, channelOptions, registry, "AddSandboxMarketplace", "the address of the sandbox marketplace API.")
{
    protected override MarketplaceCapabilities CapabilitiesFor(SandboxChannelOptions options) => SandboxCapabilities.For(options);

    public override IMarketplaceClient Create(ChannelOptions channel)
    {
        var api = RestService.ForGenerated<ISandboxMarketplaceApi>(ChannelHttpClient(channel), SandboxRefitSettings.Instance);
        var options = OptionsOf(channel.Id);
        // The uploads use the same api, so the same named client: its pace and resilience pipeline count them too.
        return new SandboxMarketplaceClient(api, SandboxCapabilities.For(options), time,
            options.UploadImages ? new SandboxImageUploader(api, time) : null);
    }
}
