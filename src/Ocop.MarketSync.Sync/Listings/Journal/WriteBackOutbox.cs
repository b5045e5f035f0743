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
            At = at,
        };
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
