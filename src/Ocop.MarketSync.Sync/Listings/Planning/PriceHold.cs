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
    /// <remarks>
    /// Two things hold a price: a change of more than the channel's percentage against the pushed price, and a price
    /// above the channel's sanity ceiling (<see cref="PriceRuleOptions.HoldAboveVnd"/>), pushed before or not. A
    /// listing never pushed has no old price to keep: it is not created until staff approve.
    /// </remarks>
    public static DesiredListing Apply(Listing? listing, DesiredListing desired, PriceRuleOptions rule, AspectHashes? current)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(rule);
        var pushed = PushedPrice(listing, current);
        var aboveCeiling = desired.PriceVnd > rule.HoldAboveVnd;
        if (!desired.Active || pushed == desired.PriceVnd || listing?.ApprovedPriceVnd == desired.PriceVnd
            || (!aboveCeiling && !PriceRule.NeedsApproval(pushed, desired.PriceVnd, rule)))
        {
            return desired;
        }

        var change = pushed is { } old ? string.Create(CultureInfo.InvariantCulture, $" ({(desired.PriceVnd - old) * 100m / old:+0;-0}%)") : string.Empty;
        if (listing?.DeclinedPriceVnd == desired.PriceVnd)
        {
            var kept = pushed is { } keptPrice
                ? string.Create(CultureInfo.InvariantCulture, $"staff kept the price of {keptPrice:N0} VND; the registry's {desired.PriceVnd:N0} VND{change} was declined")
                : string.Create(CultureInfo.InvariantCulture, $"staff declined the registry's price of {desired.PriceVnd:N0} VND: not listed until the registry changes it");
            var keptReason = new ProductIssue(KeptCode, kept, IssueSeverity.Warning);
            return pushed is { } p
                ? desired with { PriceVnd = p, Reasons = [.. desired.Reasons, keptReason] }
                : desired with { Active = false, Reasons = [.. desired.Reasons, keptReason] };
        }

        var why = aboveCeiling
            ? string.Create(CultureInfo.InvariantCulture, $"is above the channel's ceiling of {rule.HoldAboveVnd:N0} VND")
            : string.Create(CultureInfo.InvariantCulture, $"is above the channel's {rule.HoldChangeAbovePercent}% threshold");
        var message = pushed is { } from
            ? string.Create(CultureInfo.InvariantCulture, $"price change from {from:N0} to {desired.PriceVnd:N0} VND{change} {why}: held for staff approval")
            : string.Create(CultureInfo.InvariantCulture, $"price of {desired.PriceVnd:N0} VND {why}: held for staff approval, listed once approved");
        var held = new ProductIssue(ReasonCode, message, IssueSeverity.Warning);
        return pushed is { } kept2
            ? desired with { PriceVnd = kept2, HeldPriceVnd = desired.PriceVnd, Reasons = [.. desired.Reasons, held] }
            : desired with { Active = false, HeldPriceVnd = desired.PriceVnd, Reasons = [.. desired.Reasons, held] };
    }

    /// <summary>The price on the marketplace: the desired price whose hash was last pushed, if it was.</summary>
    public static long? PushedPrice(Listing? listing, AspectHashes? current) =>
        listing is not null && current is not null && listing.PushedPriceHash is not null && listing.PushedPriceHash == current.Price
            ? listing.Desired.PriceVnd
            : null;
}
