namespace Ocop.MarketSync.Data.Entities;

/// <summary>Where a listing stands on its marketplace.</summary>
public enum ListingState
{
    /// <summary>Not (yet) created remotely, or changes waiting for their first push.</summary>
    Pending,

    /// <summary>On sale, as desired.</summary>
    Active,

    /// <summary>Not on sale: delisted remotely, or never created because the product may not be listed.</summary>
    Delisted,

    /// <summary>The marketplace refused the data: waits for changed data or a staff retry.</summary>
    Rejected,

    /// <summary>Pushes fail for transient reasons; retried with backoff.</summary>
    Failing,

    /// <summary>The shop's authorisation expired: nothing is pushed until someone authorises again.</summary>
    NeedsReauth,

    /// <summary>The marketplace banned the item: nothing is pushed until staff have dealt with it and retry.</summary>
    Banned,

    /// <summary>Not created yet: the marketplace is reviewing the product request (<see cref="Listing.ReviewTicket"/>).</summary>
    InReview,
}
