namespace Ocop.MarketSync.Data.Entities;

/// <summary>
/// One product on one channel: its desired state (a hash per aspect), what was last pushed (a hash per aspect),
/// the remote item, and the push bookkeeping. Dirty = some desired hash differs from its pushed hash.
/// </summary>
public sealed class Listing
{
    public long Id { get; set; }
    public required string ChannelId { get; set; }
    public long ProductId { get; set; }
    public required string RegistryId { get; set; }

    /// <summary>Deterministic from the registry id, so a lost create is found again by lookup, never created twice.</summary>
    public required string SellerSku { get; set; }

    public ListingState State { get; set; }
    public string? RemoteId { get; set; }
    public string? RemoteUrl { get; set; }

    public required DesiredListing Desired { get; set; }

    /// <summary>Copied from <see cref="DesiredListing.HeldPriceVnd"/> by <see cref="SetDesired"/>, so the attention queue can query held prices.</summary>
    public long? HeldPriceVnd { get; private set; }
    public required string DesiredContentHash { get; set; }
    public required string DesiredPriceHash { get; set; }
    public required string DesiredStockHash { get; set; }
    public required string DesiredStatusHash { get; set; }
    public string? PushedContentHash { get; set; }
    public string? PushedPriceHash { get; set; }
    public string? PushedStockHash { get; set; }
    public string? PushedStatusHash { get; set; }

    /// <summary>Kept in step with the hashes by every writer, so claiming dirty rows is an index scan.</summary>
    public bool Dirty { get; set; }

    public int AttemptCount { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public string? LastErrorKind { get; set; }
    public DateTime? LastPushedAt { get; set; }

    /// <summary>A claim by a pusher, until this time; a pusher that died loses its claim when it passes.</summary>
    public DateTime? ClaimedUntil { get; set; }

    /// <summary>A price staff approved although it moved more than the channel's hold threshold.</summary>
    public long? ApprovedPriceVnd { get; set; }

    /// <summary>
    /// A held price staff declined ("keep the old price"): while the registry asks for exactly this price the listing
    /// keeps the pushed one without holding it again. A different new price is held afresh.
    /// </summary>
    public long? DeclinedPriceVnd { get; set; }

    /// <summary>The last reconciliation run that saw this listing's remote item (to find the ones it did not see).</summary>
    public long? LastReconciledRunId { get; set; }

    /// <summary>
    /// The version of the product (<see cref="Product.ContentHash"/>) this listing was last planned from; null when it
    /// was planned from a retired product. A plan looks back before its checkpoint for changes committed late and skips
    /// products already planned from their current version. A version, not a change time: two changes stamped with the
    /// same time (a coarse or stopped clock, two nodes) must not pass for one.
    /// </summary>
    public string? PlannedFromHash { get; set; }

    /// <summary>
    /// The marketplace's ticket for content it is reviewing (Tiki: the track id of a product request): set when a
    /// create or content update went to review instead of applying, cleared when the marketplace decided. A create
    /// under review has no <see cref="RemoteId"/> yet and is not created again; a content update under review keeps
    /// the item on sale with its old content while price and stock still go out.
    /// </summary>
    public string? ReviewTicket { get; set; }

    /// <summary>The marketplace's own name for where the review stands (e.g. <c>md_awaiting_approve</c>), shown to staff.</summary>
    public string? ReviewState { get; set; }

    /// <summary>When the content went to review.</summary>
    public DateTime? ReviewSince { get; set; }

    /// <summary>When the review was last asked about, so every ticket of a channel is followed in turn.</summary>
    public DateTime? ReviewCheckedAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// The one rule for the <see cref="Dirty"/> flag: some aspect differs from what was pushed, and there is something
    /// to push it to (an item exists remotely, or the listing is to be created). Every writer calls this.
    /// </summary>
    /// <returns>The new value of <see cref="Dirty"/>.</returns>
    public bool RefreshDirty() =>
        Dirty = PushableAspects() != ListingAspect.None && (RemoteId is not null || Desired.Active);

    /// <summary>
    /// The dirty aspects that may go out now: under review, a create waits for the decision, and so does new content
    /// (a second request while one is reviewed would race it); price, stock and status of a live item still go.
    /// </summary>
    public ListingAspect PushableAspects() =>
        ReviewTicket is null ? DirtyAspects()
            : RemoteId is null ? ListingAspect.None
            : DirtyAspects() & ~ListingAspect.Content;

    /// <summary>Sets the desired state and the columns copied from it.</summary>
    public void SetDesired(DesiredListing desired)
    {
        Desired = desired;
        HeldPriceVnd = desired.HeldPriceVnd;
    }

    /// <summary>The aspects whose desired hash differs from the pushed one.</summary>
    public ListingAspect DirtyAspects() =>
        (DesiredStockHash != PushedStockHash ? ListingAspect.Stock : ListingAspect.None)
        | (DesiredStatusHash != PushedStatusHash ? ListingAspect.Status : ListingAspect.None)
        | (DesiredPriceHash != PushedPriceHash ? ListingAspect.Price : ListingAspect.None)
        | (DesiredContentHash != PushedContentHash ? ListingAspect.Content : ListingAspect.None);
}
