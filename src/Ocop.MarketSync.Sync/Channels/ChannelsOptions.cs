namespace Ocop.MarketSync.Sync.Channels;

/// <summary>Section <c>Channels</c>: one entry per shop, keyed by channel id (e.g. <c>Channels:shopee-hcm</c>).</summary>
public sealed class ChannelsOptions
{
    public const string SectionName = "Channels";

    public Dictionary<string, ChannelOptions> Items { get; } = new(StringComparer.Ordinal);
}
