namespace Ocop.MarketSync.Sync.Marketplaces.Registration;

/// <summary>
/// The channels of one marketplace (identified by its options type) that AddMarketplace gave options and an HTTP
/// client, in configuration order. A client factory refuses any other channel, whose client would lack the pipeline,
/// the pacing and the signing; webhook readers try the channels listed here. One instance per marketplace, shared by
/// repeated registrations so a channel is never registered twice.
/// </summary>
public sealed class MarketplaceChannelRegistry<TOptions>
    where TOptions : class
{
    private readonly List<MarketplaceChannel> _channels = [];
    private readonly Dictionary<string, MarketplaceChannel> _byId = new(StringComparer.Ordinal);

    public MarketplaceChannelRegistry(string marketplace)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(marketplace);
        Marketplace = marketplace;
    }

    public string Marketplace { get; }

    public IReadOnlyList<MarketplaceChannel> Channels => _channels;

    public IEnumerable<string> Ids => _channels.Select(c => c.Id);

    /// <returns>False when the channel was already registered (AddMarketplace ran twice).</returns>
    public bool Add(MarketplaceChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (!_byId.TryAdd(channel.Id, channel))
        {
            return false;
        }

        _channels.Add(channel);
        return true;
    }

    public bool Contains(string channelId) => _byId.ContainsKey(channelId);

    public bool TryGet(string channelId, out MarketplaceChannel channel) => _byId.TryGetValue(channelId, out channel!);

    /// <summary>Where the channel's secrets are (raw <c>CredentialsRef</c>), or null when unset or not registered.</summary>
    public string? CredentialsRefOf(string channelId) => _byId.GetValueOrDefault(channelId)?.CredentialsRef;
}
