using Ocop.MarketSync.Sync.Channels;

namespace Ocop.MarketSync.Sync.Listings.Planning;

/// <summary>The channel price from the registry price: markup, rounding to whole thousands of đồng, a floor at the registry price.</summary>
public static class PriceRule
{
    public static long Apply(long registryPriceVnd, PriceRuleOptions rule)
    {
        var raw = registryPriceVnd * (1 + (rule.MarkupPercent / 100m));
        var step = Math.Max(1, rule.RoundTo);
        var rounded = (long)(Math.Round(raw / step, MidpointRounding.AwayFromZero) * step);
        if (!rule.AllowBelowRegistryPrice && rounded < registryPriceVnd)
        {
            // Rounding must not undercut the producer: round up instead.
            rounded = (long)(Math.Ceiling((decimal)registryPriceVnd / step) * step);
        }

        return Math.Max(rounded, step);
    }

    /// <summary>True when moving from <paramref name="pushedVnd"/> to <paramref name="newVnd"/> is large enough to need a person's approval.</summary>
    public static bool NeedsApproval(long? pushedVnd, long newVnd, PriceRuleOptions rule) =>
        pushedVnd is > 0 and var old
        && Math.Abs(newVnd - old) * 100m / old > rule.HoldChangeAbovePercent;
}
