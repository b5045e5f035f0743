using System.Globalization;
using Ocop.MarketSync.Marketplaces.Tiki.Api;
using Ocop.MarketSync.Sync.Marketplaces;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Tiki;

/// <summary>
/// The marketplace port on Tiki's seller API, for one channel. New content goes through Tiki's review: a create or a
/// content update answers with a review ticket (the track id), followed by <see cref="TrackReviewsAsync"/>. Price,
/// stock and status bypass review (updateSkus) and are read back, because Tiki may answer success without applying
/// them (#295). Whole-call failures come back as that error on every item; lookups, paging and tracking throw
/// <see cref="MarketplaceException"/>. The remote id is Tiki's product id.
/// </summary>
internal sealed partial class TikiMarketplaceClient(
    ITikiApi api, TikiWireMapper mapper, TikiErrorMapper errors, MarketplaceCapabilities capabilities, TimeProvider time, DateTimeOffset reconcileFrom, int resultCap)
    : IMarketplaceClient, IReviewingMarketplaceClient
{
    public MarketplaceCapabilities Capabilities => capabilities;

    public async Task<IReadOnlyList<ItemResult>> CreateAsync(IReadOnlyList<CreateListing> items, CancellationToken cancellationToken)
    {
        var results = new List<ItemResult>(items.Count);
        foreach (var item in items)
        {
            var sku = item.Content.SellerSku;
            if (mapper.ToRequest(item) is not { } request)
            {
                results.Add(new ItemResult(sku, new MarketplaceError.Rejected(
                    $"Tiki category ids are numbers; the listing's category is '{item.Content.CategoryId}' (check the channel's Categories).")));
                continue;
            }

            // Never retried blindly (no idempotency key): a lost answer is resolved by findBy?original_sku.
            var (ticket, error) = await CallAsync(ct => api.CreateRequestAsync(request, ct), cancellationToken);
            results.Add(TicketResult(sku, remoteId: null, ticket, error));
        }

        return results;
    }

    public async Task<IReadOnlyList<ItemResult>> UpdateContentAsync(IReadOnlyList<ContentUpdate> items, CancellationToken cancellationToken)
    {
        var results = new List<ItemResult>(items.Count);
        foreach (var item in items)
        {
            var sku = item.Content.SellerSku;
            if (!TikiWireMapper.TryProductId(item.RemoteId, out var productId))
            {
                results.Add(new ItemResult(sku, new MarketplaceError.NotFound($"'{item.RemoteId}' is not a Tiki product id."), item.RemoteId));
                continue;
            }

            var (ticket, error) = await CallAsync(ct => api.UpdateProductInfoAsync(mapper.ToUpdate(productId, item.Content), ct), cancellationToken);
            results.Add(TicketResult(sku, item.RemoteId, ticket, error));
        }

        return results;
    }

    public async Task<IReadOnlyList<ReviewOutcome>> TrackReviewsAsync(IReadOnlyList<string> tickets, CancellationToken cancellationToken)
    {
        var outcomes = new List<ReviewOutcome>(tickets.Count);
        foreach (var ticket in tickets)
        {
            var (tracking, error) = await CallAsync(ct => api.TrackAsync(ticket, ct), cancellationToken);
            if (error is not null)
            {
                throw new MarketplaceException(error);
            }

            outcomes.Add(Outcome(ticket, tracking!));
        }

        return outcomes;
    }

    /// <summary>Tiki's states (§5.6) in the port's three decisions; an unknown state waits, visibly, with its raw name.</summary>
    private static ReviewOutcome Outcome(string ticket, WireTracking tracking)
    {
        var state = tracking.State ?? "unknown";
        switch (state)
        {
            case "approved":
                var productId = tracking.ProductId ?? tracking.Products?.FirstOrDefault()?.ProductId;
                if (productId is not > 0)
                {
                    // Approved without a product id yet: ask again later rather than bind to nothing.
                    return new ReviewOutcome(ticket, ReviewDecision.Waiting, RawState: state);
                }

                // Approved products start inactive (is_auto_turn_on false): the engine turns them on.
                return new ReviewOutcome(ticket, ReviewDecision.Approved, productId.Value.ToString(CultureInfo.InvariantCulture), RawState: state) { Active = false };
            case "rejected" or "deleted":
                return new ReviewOutcome(ticket, ReviewDecision.Rejected, Reason: Reason(tracking, state), RawState: state);
            default:
                // queuing, processing, drafted, md_awaiting_approve, bot_awaiting_approve, awaiting_approve (and older spellings).
                return new ReviewOutcome(ticket, ReviewDecision.Waiting, RawState: state);
        }
    }

    private static string Reason(WireTracking tracking, string state)
    {
        var reasons = (tracking.RejectedReasons ?? [])
            .Select(r => string.Join(' ', new[] { r.Code?.ToString(CultureInfo.InvariantCulture), r.Reason ?? r.Text }.Where(s => !string.IsNullOrWhiteSpace(s))))
            .Where(r => r.Length > 0)
            .ToList();
        if (!string.IsNullOrWhiteSpace(tracking.Reason))
        {
            reasons.Insert(0, tracking.Reason);
        }

        return reasons.Count > 0 ? string.Join("; ", reasons.Distinct(StringComparer.Ordinal))
            : state == "deleted" ? "Tiki deleted the product request" : "Tiki rejected the product request without a reason";
    }

    private static ItemResult TicketResult(string sku, string? remoteId, WireTicket? ticket, MarketplaceError? error)
    {
        if (error is not null)
        {
            return new ItemResult(sku, error, remoteId);
        }

        return ticket?.TrackId is { Length: > 0 } trackId
            ? new ItemResult(sku, null, remoteId) { ReviewTicket = trackId }
            : new ItemResult(sku, new MarketplaceError.Transient($"Tiki accepted the request for {sku} without a track_id; look the SKU up."), remoteId);
    }

    private async Task<(T? Data, MarketplaceError? Error)> CallAsync<T>(Func<CancellationToken, Task<IApiResponse<T>>> call, CancellationToken cancellationToken)
        where T : WireAnswer
    {
        IApiResponse<T> response;
        try
        {
            response = await call(cancellationToken);
        }
        catch (Exception ex) when (TikiErrorMapper.FromException(ex, cancellationToken) is { } failure)
        {
            return (default, failure);
        }

        using (response)
        {
            var error = errors.FromResponse(response, cancellationToken);
            return error is null && response.Content is null
                ? (default, new MarketplaceError.Transient("Tiki answered success with an empty body."))
                : (response.Content, error);
        }
    }
}
