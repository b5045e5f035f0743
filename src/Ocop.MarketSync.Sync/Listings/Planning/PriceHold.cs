using System.Globalization;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Channels;

namespace Ocop.MarketSync.Sync.Listings.Planning;

/// <summary>
/// The price guard: a change of more than <see cref="PriceRuleOptions.HoldChangeAbovePercent"/> against the price
/// on the marketplace is not pushed until staff approve it (a registry typo of one zero must not sell rice at a
/// tenth of its price). The listing keeps its pushed price, shows the held one and a <c>price.held</c> reason.
/// </summary>
public static class PriceHold
{
    public const string ReasonCode = "price.held";

    /// <summary>Staff declined the held price ("keep the old price"): the pushed price stays, the producer is told why.</summary>
    public const string KeptCode = "price.kept";

    public static DesiredListing Apply(Listing? listing, DesiredListing desired, PriceRuleOptions rule) =>
        Apply(listing, desired, rule, listing is null ? null : AspectHashes.Of(listing.Desired));

    /// <param name="current">The hashes of <paramref name="listing"/>'s current desired state, when the caller has them.</param>
    public static DesiredListing Apply(Listing? listing, DesiredListing desired, PriceRuleOptions rule, AspectHashes? current)
    {
        if (listing is null || current is null || !desired.Active || PushedPrice(listing, current) is not { } pushed || pushed == desired.PriceVnd
            || listing.ApprovedPriceVnd == desired.PriceVnd || !PriceRule.NeedsApproval(pushed, desired.PriceVnd, rule))
        {
            return desired;
        }

        var change = (desired.PriceVnd - pushed) * 100m / pushed;
        if (listing.DeclinedPriceVnd == desired.PriceVnd)
        {
            var kept = string.Create(CultureInfo.InvariantCulture,
                $"staff kept the price of {pushed:N0} VND; the registry's {desired.PriceVnd:N0} VND ({change:+0;-0}%) was declined");
            return desired with { PriceVnd = pushed, Reasons = [.. desired.Reasons, new ProductIssue(KeptCode, kept, IssueSeverity.Warning)] };
        }

        var message = string.Create(CultureInfo.InvariantCulture,
            $"price change from {pushed:N0} to {desired.PriceVnd:N0} VND ({change:+0;-0}%) is above the channel's {rule.HoldChangeAbovePercent}% threshold: held for staff approval");
        return desired with
        {
            PriceVnd = pushed,
            HeldPriceVnd = desired.PriceVnd,
            Reasons = [.. desired.Reasons, new ProductIssue(ReasonCode, message, IssueSeverity.Warning)],
        };
    }

    /// <summary>The price on the marketplace: the desired price whose hash was last pushed, if it was.</summary>
    private static long? PushedPrice(Listing listing, AspectHashes current) =>
        listing.PushedPriceHash is not null && listing.PushedPriceHash == current.Price
            ? listing.Desired.PriceVnd
            : null;
}
