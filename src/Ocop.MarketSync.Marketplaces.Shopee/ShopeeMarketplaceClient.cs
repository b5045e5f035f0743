using Ocop.MarketSync.Marketplaces.Shopee.Api;
using Ocop.MarketSync.Sync.Marketplaces;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Shopee;

/// <summary>
/// The marketplace port on Shopee Open Platform v2, for one shop. Shopee creates, edits, prices and stocks one item
/// per call, so those batches are walked item by item; unlist/relist takes 50. Results keep the input order; the
/// failure of a call is that item's error, never an exception. Lookups and paging are in the <c>Reads</c> part.
/// </summary>
internal sealed partial class ShopeeMarketplaceClient(
    IShopeeApi api, HttpClient images, ShopeeChannelOptions options, MarketplaceCapabilities capabilities, TimeProvider time)
    : IMarketplaceClient
{
    /// <summary>Shopee takes fewer than 9 images per item.</summary>
    public const int MaxImages = 9;

    public MarketplaceCapabilities Capabilities => capabilities;

    private TimeSpan Park => options.PromotionRetryAfter;

    public async Task<IReadOnlyList<ItemResult>> CreateAsync(IReadOnlyList<CreateListing> items, CancellationToken cancellationToken)
    {
        var results = new List<ItemResult>(items.Count);
        foreach (var listing in items)
        {
            var sku = listing.Content.SellerSku;
            if (ShopeeWireMapper.Problem(listing.Content, options) is { } problem)
            {
                results.Add(new ItemResult(sku, new MarketplaceError.Rejected(problem)));
                continue;
            }

            var (imageIds, imageError) = await UploadImagesAsync(listing.Content.Images, cancellationToken);
            if (imageError is not null)
            {
                // The upload that failed decided this item: its request id, if Shopee answered at all.
                results.Add(new ItemResult(sku, imageError) { RequestId = imageError.RequestId });
                continue;
            }

            var wire = ShopeeWireMapper.ToAddItem(listing, imageIds, options);
            var outcome = await ShopeeCall.RunAsync(ct => api.AddItemAsync(wire, ct), Park, cancellationToken);
            var result = outcome.Payload is { ItemId: > 0 } created
                ? new ItemResult(sku, null, ShopeeWireMapper.Id(created.ItemId), ShopeeWireMapper.ItemUrl(options, created.ItemId))
                : new ItemResult(sku, outcome.Error ?? new MarketplaceError.Transient(
                    "add_item answered without an item_id; look the SKU up.") { RequestId = outcome.RequestId });
            results.Add(result with { RequestId = outcome.RequestId });
        }

        return results;
    }

    public async Task<IReadOnlyList<ItemResult>> UpdateContentAsync(IReadOnlyList<ContentUpdate> items, CancellationToken cancellationToken)
    {
        var results = new List<ItemResult>(items.Count);
        foreach (var update in items)
        {
            var sku = update.Content.SellerSku;
            if (!ShopeeWireMapper.TryItemId(update.RemoteId, out var itemId))
            {
                results.Add(NotAnItemId(sku, update.RemoteId));
                continue;
            }

            if (ShopeeWireMapper.Problem(update.Content, options) is { } problem)
            {
                results.Add(new ItemResult(sku, new MarketplaceError.Rejected(problem), update.RemoteId));
                continue;
            }

            var (imageIds, imageError) = await UploadImagesAsync(update.Content.Images, cancellationToken);
            if (imageError is not null)
            {
                results.Add(new ItemResult(sku, imageError, update.RemoteId) { RequestId = imageError.RequestId });
                continue;
            }

            var wire = ShopeeWireMapper.ToUpdateItem(itemId, update.Content, imageIds, options);
            var outcome = await ShopeeCall.RunAsync(ct => api.UpdateItemAsync(wire, ct), Park, cancellationToken);
            results.Add(Result(sku, itemId, outcome.Error, outcome.RequestId));
        }

        return results;
    }

    public Task<IReadOnlyList<ItemResult>> UpdatePriceAsync(IReadOnlyList<PriceUpdate> items, CancellationToken cancellationToken) =>
        OneByOneAsync(items, i => i.RemoteId, i => i.SellerSku,
            (itemId, item, ct) => api.UpdatePriceAsync(ShopeeWireMapper.ToUpdatePrice(itemId, item.PriceVnd), ct), cancellationToken);

    public Task<IReadOnlyList<ItemResult>> UpdateStockAsync(IReadOnlyList<StockUpdate> items, CancellationToken cancellationToken) =>
        OneByOneAsync(items, i => i.RemoteId, i => i.SellerSku,
            (itemId, item, ct) => api.UpdateStockAsync(ShopeeWireMapper.ToUpdateStock(itemId, item.Stock, options), ct), cancellationToken);

    public async Task<IReadOnlyList<ItemResult>> SetStatusAsync(IReadOnlyList<StatusUpdate> items, CancellationToken cancellationToken)
    {
        var results = new ItemResult[items.Count];
        var valid = new List<(int Index, long ItemId)>();
        for (var i = 0; i < items.Count; i++)
        {
            if (ShopeeWireMapper.TryItemId(items[i].RemoteId, out var itemId))
            {
                valid.Add((i, itemId));
            }
            else
            {
                results[i] = NotAnItemId(items[i].SellerSku, items[i].RemoteId);
            }
        }

        foreach (var chunk in valid.Chunk(capabilities.BatchSizeOf(MarketplaceOperation.SetStatus)))
        {
            var body = new WireUnlist([.. chunk.Select(c => new WireUnlistItem(c.ItemId, Unlist: !items[c.Index].Active))]);
            var outcome = await ShopeeCall.RunAsync(ct => api.UnlistItemAsync(body, ct), Park, cancellationToken);
            foreach (var (index, itemId) in chunk)
            {
                var error = outcome.Payload is { } answer
                    ? ShopeeWireMapper.ItemOutcome(itemId, answer, outcome.RequestId, Park)
                    : outcome.Error;
                results[index] = Result(items[index].SellerSku, itemId, error, outcome.RequestId);
            }
        }

        return results;
    }

    private async Task<IReadOnlyList<ItemResult>> OneByOneAsync<T>(
        IReadOnlyList<T> items,
        Func<T, string> remoteIdOf,
        Func<T, string> skuOf,
        Func<long, T, CancellationToken, Task<IApiResponse<ShopeeEnvelope<WireBatchOutcome>>>> send,
        CancellationToken cancellationToken)
    {
        var results = new List<ItemResult>(items.Count);
        foreach (var item in items)
        {
            if (!ShopeeWireMapper.TryItemId(remoteIdOf(item), out var itemId))
            {
                results.Add(NotAnItemId(skuOf(item), remoteIdOf(item)));
                continue;
            }

            var outcome = await ShopeeCall.RunAsync(ct => send(itemId, item, ct), Park, cancellationToken);
            // The call can succeed while the item's model fails (failure_list): that is this item's error.
            var error = outcome.Payload is { } answer ? ShopeeWireMapper.ItemOutcome(itemId, answer, outcome.RequestId, Park) : outcome.Error;
            results.Add(Result(skuOf(item), itemId, error, outcome.RequestId));
        }

        return results;
    }

    /// <summary>The item's result with the request id of the call that answered it (a call that got no answer has none).</summary>
    private ItemResult Result(string sku, long itemId, MarketplaceError? error, string? requestId) =>
        new(sku, error, ShopeeWireMapper.Id(itemId), error is null ? ShopeeWireMapper.ItemUrl(options, itemId) : null)
        {
            RequestId = requestId ?? error?.RequestId,
        };

    private static ItemResult NotAnItemId(string sku, string remoteId) =>
        new(sku, new MarketplaceError.NotFound($"'{remoteId}' is not a Shopee item id."), remoteId);
}
