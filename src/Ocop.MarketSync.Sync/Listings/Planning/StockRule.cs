using Ocop.MarketSync.Sync.Channels;

namespace Ocop.MarketSync.Sync.Listings.Planning;

/// <summary>The stock a channel offers: producer stock less the safety buffer, this channel's share, capped; never negative.</summary>
public static class StockRule
{
    public static int Apply(int producerStock, StockRuleOptions rule)
    {
        var available = Math.Max(0, producerStock - rule.SafetyBuffer);
        var share = (int)Math.Floor(available * rule.SharePercent / 100m);
        return Math.Max(0, rule.Maximum is { } max ? Math.Min(share, max) : share);
    }
}
