namespace Ocop.MarketSync.Sync.Marketplaces;

/// <summary>
/// A marketplace that reviews new content before it is sold (Tiki): a create or a content update answers with a
/// review ticket (<see cref="ItemResult.ReviewTicket"/>) instead of applying at once. The engine keeps the listing
/// <c>InReview</c> with its ticket and follows the tickets here until the marketplace decides.
/// </summary>
/// <remarks>Implemented by the adapter's <see cref="IMarketplaceClient"/> itself; the engine tests for it.</remarks>
public interface IReviewingMarketplaceClient
{
    /// <summary>Where each ticket's review stands, one outcome per ticket, in input order.</summary>
    /// <exception cref="MarketplaceException">The tracking call itself failed; the tickets stay as they were.</exception>
    Task<IReadOnlyList<ReviewOutcome>> TrackReviewsAsync(IReadOnlyList<string> tickets, CancellationToken cancellationToken);
}

/// <summary>Where a marketplace's review of new content stands.</summary>
public enum ReviewDecision
{
    /// <summary>Not decided yet (queued, processing, awaiting a reviewer).</summary>
    Waiting,

    /// <summary>Approved: the product exists with <see cref="ReviewOutcome.RemoteId"/>. It may start inactive.</summary>
    Approved,

    /// <summary>Rejected, with the marketplace's reason: a new request only once the content has changed.</summary>
    Rejected,
}

/// <param name="Ticket">The ticket the create or content update answered with (Tiki: the track id).</param>
/// <param name="RemoteId">The product id, once approved.</param>
/// <param name="Reason">The marketplace's reason for a rejection, as it gives it (code and text).</param>
/// <param name="RawState">The marketplace's own name for the state (e.g. <c>md_awaiting_approve</c>), shown to staff.</param>
public sealed record ReviewOutcome(string Ticket, ReviewDecision Decision, string? RemoteId = null, string? Reason = null, string? RawState = null)
{
    /// <summary>Whether the approved product is on sale already; Tiki's approved products start inactive.</summary>
    public bool Active { get; init; }
}
