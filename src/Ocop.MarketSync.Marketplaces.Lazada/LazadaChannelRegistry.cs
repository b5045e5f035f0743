namespace Ocop.MarketSync.Marketplaces.Lazada;

/// <summary>The channels AddLazadaMarketplace gave HTTP clients, with where their credentials are (for the webhook reader).</summary>
internal sealed class LazadaChannelRegistry
{
    private readonly Dictionary<string, string?> _credentialsRefs = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> ChannelIds => _credentialsRefs.Keys;

    public bool Add(string channelId, string? credentialsRef) => _credentialsRefs.TryAdd(channelId, credentialsRef);

    public bool Contains(string channelId) => _credentialsRefs.ContainsKey(channelId);

    public string? CredentialsRefOf(string channelId) => _credentialsRefs.GetValueOrDefault(channelId);

    public static string ApiClientName(string channelId) => "marketplace:" + channelId;

    public static string AuthClientName(string channelId) => "marketplace-auth:" + channelId;
}
