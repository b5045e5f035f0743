namespace Ocop.MarketSync.Marketplaces.Sandbox;

/// <summary>The channels AddSandboxMarketplace gave an HTTP client: a client for any other would lack its pipeline.</summary>
internal sealed class SandboxChannelRegistry
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public bool Add(string channelId) => _ids.Add(channelId);

    public bool Contains(string channelId) => _ids.Contains(channelId);

    public static string HttpClientName(string channelId) => "marketplace:" + channelId;
}
