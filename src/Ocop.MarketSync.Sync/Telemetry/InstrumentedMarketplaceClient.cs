using System.Runtime.CompilerServices;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Sync.Telemetry;

/// <summary>
/// Wraps a channel's marketplace client: every call gets a span (the adapter's HTTP calls are its children) and is
/// counted and timed by channel, operation and outcome in the port's taxonomy. Recorded here, not in the HTTP
/// pipeline, because only after the adapter's mapping is a call's outcome known: Shopee and Lazada answer a refused
/// or throttled call with HTTP 200 and an error code in the body.
/// </summary>
internal class InstrumentedMarketplaceClient(IMarketplaceClient inner, ChannelOptions channel) : IMarketplaceClient
{
    /// <summary>The wrapper for <paramref name="inner"/>: one that also follows reviews where the marketplace reviews content.</summary>
    public static IMarketplaceClient Wrap(IMarketplaceClient inner, ChannelOptions channel) =>
        inner is IReviewingMarketplaceClient reviewing
            ? new Reviewing(inner, reviewing, channel)
            : new InstrumentedMarketplaceClient(inner, channel);

    public MarketplaceCapabilities Capabilities => inner.Capabilities;

    public Task<IReadOnlyList<ItemResult>> CreateAsync(IReadOnlyList<CreateListing> items, CancellationToken cancellationToken) =>
        BatchAsync("create", items.Count, () => inner.CreateAsync(items, cancellationToken));

    public Task<IReadOnlyList<ItemResult>> UpdateContentAsync(IReadOnlyList<ContentUpdate> items, CancellationToken cancellationToken) =>
        BatchAsync("update_content", items.Count, () => inner.UpdateContentAsync(items, cancellationToken));

    public Task<IReadOnlyList<ItemResult>> UpdatePriceAsync(IReadOnlyList<PriceUpdate> items, CancellationToken cancellationToken) =>
        BatchAsync("update_price", items.Count, () => inner.UpdatePriceAsync(items, cancellationToken));

    public Task<IReadOnlyList<ItemResult>> UpdateStockAsync(IReadOnlyList<StockUpdate> items, CancellationToken cancellationToken) =>
        BatchAsync("update_stock", items.Count, () => inner.UpdateStockAsync(items, cancellationToken));

    public Task<IReadOnlyList<ItemResult>> SetStatusAsync(IReadOnlyList<StatusUpdate> items, CancellationToken cancellationToken) =>
        BatchAsync("set_status", items.Count, () => inner.SetStatusAsync(items, cancellationToken));

    public async Task<IReadOnlyList<RemoteItem>> FindBySellerSkuAsync(IReadOnlyList<string> sellerSkus, CancellationToken cancellationToken)
    {
        using var call = Start("find_by_sku", sellerSkus.Count);
        try
        {
            var found = await inner.FindBySellerSkuAsync(sellerSkus, cancellationToken);
            call.Finish(MarketplaceOutcomes.Ok);
            return found;
        }
        catch (Exception ex) when (call.Fail(ex, cancellationToken))
        {
            throw;
        }
    }

    /// <summary>One call for the whole walk (its pages are the HTTP spans under it).</summary>
    public async IAsyncEnumerable<RemoteItem> PageItemsAsync(string skuPrefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var call = Start("page_items", 0);
        await using var items = inner.PageItemsAsync(skuPrefix, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await items.MoveNextAsync())
                {
                    break;
                }
            }
            catch (Exception ex) when (call.Fail(ex, cancellationToken))
            {
                throw;
            }

            yield return items.Current;
        }

        call.Finish(MarketplaceOutcomes.Ok);
    }

    private async Task<IReadOnlyList<ItemResult>> BatchAsync(string operation, int count, Func<Task<IReadOnlyList<ItemResult>>> send)
    {
        using var call = Start(operation, count);
        try
        {
            var results = await send();
            call.Finish(MarketplaceOutcomes.Of(results), results);
            return results;
        }
        catch (Exception ex) when (call.Fail(ex, CancellationToken.None))
        {
            throw;
        }
    }

    private protected MarketplaceCall Start(string operation, int items) => new(channel, operation, items);

    /// <summary>
    /// A marketplace that reviews content (Tiki, sheet channels): the engine tests the client for
    /// <see cref="IReviewingMarketplaceClient"/>, so the wrapper must offer it exactly when the adapter does.
    /// </summary>
    private sealed class Reviewing(IMarketplaceClient inner, IReviewingMarketplaceClient reviewing, ChannelOptions channel)
        : InstrumentedMarketplaceClient(inner, channel), IReviewingMarketplaceClient
    {
        public async Task<IReadOnlyList<ReviewOutcome>> TrackReviewsAsync(IReadOnlyList<string> tickets, CancellationToken cancellationToken)
        {
            using var call = Start("track_reviews", tickets.Count);
            try
            {
                var outcomes = await reviewing.TrackReviewsAsync(tickets, cancellationToken);
                call.Finish(MarketplaceOutcomes.Ok);
                return outcomes;
            }
            catch (Exception ex) when (call.Fail(ex, cancellationToken))
            {
                throw;
            }
        }
    }
}
