using System.Globalization;
using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Sync.Listings.Journal;

/// <summary>
/// Decides which listing changes the registry must hear about: a listing became Active, its URL changed while
/// active, or it left Active (delisted, banned, missing). Other transitions (Pending → Failing…) are ours alone.
/// </summary>
public static class WriteBackOutbox
{
    public const string Active = "active";
    public const string Delisted = "delisted";
    public const string PriceHeld = "price-held";
    public const string PriceKept = "price-kept";

    /// <summary>Reason codes of our own (beside the planner's): the marketplace banned the item; it left sale otherwise.</summary>
    public const string BannedCode = "listing.banned";
    public const string NotActiveCode = "listing.notActive";

    /// <summary>What a listing looked like before a change, to compare with after it.</summary>
    public readonly record struct Snapshot(ListingState State, string? Url)
    {
        public static Snapshot Of(Listing listing) => new(listing.State, listing.RemoteUrl);
    }

    /// <returns>The outbox row for this change, or null when the registry need not hear of it.</returns>
    public static WriteBack? For(Listing listing, Snapshot before, string marketplace, DateTime at)
    {
        var wasActive = before.State == ListingState.Active;
        var isActive = listing.State == ListingState.Active;
        string state;
        if (isActive && (!wasActive || !string.Equals(before.Url, listing.RemoteUrl, StringComparison.Ordinal)))
        {
            state = Active;
        }
        else if (wasActive && !isActive && listing.State is ListingState.Delisted or ListingState.Banned or ListingState.Pending)
        {
            // Failing, Rejected (an update refused) and NeedsReauth leave the item on sale as it was: not news for the registry.
            state = Delisted;
        }
        else
        {
            return null;
        }

        return new WriteBack
        {
            // One key per change: the same listing, state and instant always make the same key, so a batch resent
            // after a lost answer is recognised by the registry, and a later change gets a new key.
            Key = string.Create(CultureInfo.InvariantCulture, $"{listing.ChannelId}:{listing.RegistryId}:{state}:{at.Ticks}"),
            RegistryId = listing.RegistryId,
            ChannelId = listing.ChannelId,
            Marketplace = marketplace,
            Url = isActive ? listing.RemoteUrl : null,
            State = state,
            Reason = state == Delisted ? ReasonOf(listing) : null,
            ReasonCodes = state == Delisted ? CodesOf(listing) : null,
            At = at,
        };
    }

    /// <summary>
    /// A price held for staff, or kept by them: the producer learns why the marketplace still shows the old price.
    /// </summary>
    /// <param name="state"><see cref="PriceHeld"/> or <see cref="PriceKept"/>.</param>
    public static WriteBack ForPrice(Listing listing, string state, string marketplace, DateTime at)
    {
        var code = state == PriceKept ? Planning.PriceHold.KeptCode : Planning.PriceHold.ReasonCode;
        var reason = listing.Desired.Reasons.FirstOrDefault(r => r.Code == code)?.Message ?? code;
        return new WriteBack
        {
            // The asked price is part of the key: two prices held within one instant (a test clock) are two changes.
            Key = string.Create(CultureInfo.InvariantCulture,
                $"{listing.ChannelId}:{listing.RegistryId}:{state}:{listing.Desired.HeldPriceVnd ?? listing.DeclinedPriceVnd}:{at.Ticks}"),
            RegistryId = listing.RegistryId,
            ChannelId = listing.ChannelId,
            Marketplace = marketplace,
            Url = listing.RemoteUrl,
            State = state,
            Reason = reason.Length <= 1000 ? reason : reason[..1000],
            ReasonCodes = code,
            At = at,
        };
    }

    private static string CodesOf(Listing listing)
    {
        var codes = listing.Desired.Reasons.Select(r => r.Code).ToList();
        if (listing.State == ListingState.Banned)
        {
            codes.Insert(0, BannedCode);
        }

        var text = string.Join(',', (codes.Count > 0 ? codes : [NotActiveCode]).Distinct(StringComparer.Ordinal));
        return text.Length <= 500 ? text : text[..text.LastIndexOf(',', 499)];
    }

    private static string ReasonOf(Listing listing)
    {
        var reasons = listing.Desired.Reasons.Select(r => r.Message).ToList();
        if (listing.State == ListingState.Banned && listing.LastError is { } banned)
        {
            reasons.Insert(0, banned);
        }

        var text = reasons.Count > 0 ? string.Join("; ", reasons) : listing.State.ToString();
        return text.Length <= 1000 ? text : text[..1000];
    }
}
