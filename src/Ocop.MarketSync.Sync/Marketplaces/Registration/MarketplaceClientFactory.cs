using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Channels;

namespace Ocop.MarketSync.Sync.Marketplaces.Registration;

/// <summary>
/// What every adapter's <see cref="IMarketplaceClientFactory"/> does before building its client: refuse a channel of
/// another marketplace, one without a base address, or one AddMarketplace did not register (its client would lack the
/// pipeline, pacing and signing); then hand out the channel's named client with its base address, and its options.
/// </summary>
/// <param name="registeredBy">The adapter's registration method, named in the error for an unregistered channel.</param>
/// <param name="baseUrlHint">What <c>Channels:{id}:BaseUrl</c> should be, after "is required: ".</param>
public abstract class MarketplaceClientFactory<TOptions>(
    IHttpClientFactory httpClients,
    IOptionsMonitor<TOptions> channelOptions,
    MarketplaceChannelRegistry<TOptions> registry,
    string registeredBy,
    string baseUrlHint) : IMarketplaceClientFactory
    where TOptions : class
{
    public string Marketplace => registry.Marketplace;

    protected IHttpClientFactory HttpClients => httpClients;

    public MarketplaceCapabilities Capabilities(ChannelOptions channel) =>
        CapabilitiesFor(channelOptions.Get(channel?.Id ?? throw new ArgumentNullException(nameof(channel))));

    /// <exception cref="ArgumentException">The channel is of another marketplace.</exception>
    /// <exception cref="InvalidOperationException">The channel has no base address, or was not configured when the service started.</exception>
    public abstract IMarketplaceClient Create(ChannelOptions channel);

    /// <summary>The channel's limits as a pure function of its options.</summary>
    protected abstract MarketplaceCapabilities CapabilitiesFor(TOptions options);

    protected TOptions OptionsOf(string channelId) => channelOptions.Get(channelId);

    /// <summary>The channel's client <c>marketplace:{id}</c>, pointed at its base address, after the checks above.</summary>
    protected HttpClient ChannelHttpClient(ChannelOptions channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (!string.Equals(channel.Marketplace, Marketplace, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Channel '{channel.Id}' is of marketplace '{channel.Marketplace}', not '{Marketplace}'.", nameof(channel));
        }

        var baseUrl = channel.BaseUrl ?? throw new InvalidOperationException($"Channels:{channel.Id}:BaseUrl is required: {baseUrlHint}");
        if (!registry.Contains(channel.Id))
        {
            throw new InvalidOperationException(
                $"Channel '{channel.Id}' was not under Channels with Marketplace={Marketplace} when {registeredBy} ran, so it has no HTTP client.");
        }

        var http = httpClients.CreateClient(MarketplaceHttpClients.ChannelClientName(channel.Id));
        http.BaseAddress = baseUrl;
        return http;
    }
}
