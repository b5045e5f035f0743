using System.Collections.Concurrent;
using Ocop.MarketSync.Marketplaces.TikTokShop.Api;
using Ocop.MarketSync.Sync.Marketplaces;
using Refit;

namespace Ocop.MarketSync.Marketplaces.TikTokShop;

/// <summary>
/// The marketplace port on TikTok Shop's 202309 product APIs, for one channel. Create, edit, price and stock are one
/// product per call; status changes go by 20. Whole-call failures come back as that error on every item of the call;
/// lookups and paging throw <see cref="MarketplaceException"/>. The remote id is TikTok's product id; the SKU id that
/// price and stock calls need is remembered from creates and reads, and read back (GET product) when unknown.
/// </summary>
internal sealed partial class TikTokShopMarketplaceClient(
    ITikTokShopApi api, TikTokShopImageUploader uploader, TikTokShopWireMapper mapper, TikTokShopErrorMapper errors,
    MarketplaceCapabilities capabilities, TikTokShopChannelOptions options) : IMarketplaceClient
{
    /// <summary>Product id → SKU id of its (single) SKU.</summary>
    private readonly ConcurrentDictionary<string, string> _skuIds = new(StringComparer.Ordinal);

    public MarketplaceCapabilities Capabilities => capabilities;

    public async Task<IReadOnlyList<ItemResult>> CreateAsync(IReadOnlyList<CreateListing> items, CancellationToken cancellationToken)
    {
        var results = new List<ItemResult>(items.Count);
        foreach (var item in items)
        {
            results.Add(await CreateOneAsync(item, cancellationToken));
        }

        return results;
    }

    public async Task<IReadOnlyList<ItemResult>> UpdateContentAsync(IReadOnlyList<ContentUpdate> items, CancellationToken cancellationToken)
    {
        var results = new List<ItemResult>(items.Count);
        foreach (var item in items)
        {
            var sku = item.Content.SellerSku;
            var (images, imageError) = await uploader.UploadAsync(item.Content.Images, cancellationToken);
            if (imageError is not null)
            {
                results.Add(new ItemResult(sku, imageError, item.RemoteId) { RequestId = imageError.RequestId });
                continue;
            }

            var (_, requestId, error) = await CallAsync(ct => api.PartialEditAsync(item.RemoteId, mapper.ToPartialEdit(item.Content, images), ct), cancellationToken);
            results.Add(Result(sku, item.RemoteId, error, requestId));
        }

        return results;
    }

    public async Task<IReadOnlyList<ItemResult>> UpdatePriceAsync(IReadOnlyList<PriceUpdate> items, CancellationToken cancellationToken)
    {
        var results = new List<ItemResult>(items.Count);
        foreach (var item in items)
        {
            // A failed read of the SKU id decides the item with the read's request id (on its error).
            var (skuId, error) = await SkuIdAsync(item.RemoteId, item.SellerSku, cancellationToken);
            string? requestId = null;
            if (skuId is not null)
            {
                var body = new WirePriceUpdate([new WireSkuPrice(skuId, TikTokShopWireMapper.Price(item.PriceVnd))]);
                (_, requestId, error) = await CallAsync(ct => api.UpdatePriceAsync(item.RemoteId, body, ct), cancellationToken);
            }

            results.Add(Result(item.SellerSku, item.RemoteId, error, requestId));
        }

        return results;
    }

    public async Task<IReadOnlyList<ItemResult>> UpdateStockAsync(IReadOnlyList<StockUpdate> items, CancellationToken cancellationToken)
    {
        var results = new List<ItemResult>(items.Count);
        foreach (var item in items)
        {
            if (item.Stock is < 0 or > TikTokShopCapabilities.MaxQuantity)
            {
                results.Add(new ItemResult(item.SellerSku, new MarketplaceError.Rejected(
                    $"TikTok takes stock from 0 to {TikTokShopCapabilities.MaxQuantity}; got {item.Stock}."), item.RemoteId));
                continue;
            }

            var (skuId, error) = await SkuIdAsync(item.RemoteId, item.SellerSku, cancellationToken);
            string? requestId = null;
            if (skuId is not null)
            {
                var body = new WireInventoryUpdate([new WireSkuInventory(skuId, [new WireInventory(options.WarehouseId, item.Stock)])]);
                (_, requestId, error) = await CallAsync(ct => api.UpdateInventoryAsync(item.RemoteId, body, ct), cancellationToken);
            }

            results.Add(Result(item.SellerSku, item.RemoteId, error, requestId));
        }

        return results;
    }

    public async Task<IReadOnlyList<ItemResult>> SetStatusAsync(IReadOnlyList<StatusUpdate> items, CancellationToken cancellationToken)
    {
        var results = new ItemResult[items.Count];
        foreach (var group in items.Select((item, index) => (item, index)).GroupBy(x => x.item.Active))
        {
            foreach (var chunk in group.Chunk(TikTokShopCapabilities.StatusBatch))
            {
                var ids = new WireProductIds([.. chunk.Select(x => x.item.RemoteId)]);
                var (data, requestId, error) = await CallAsync(
                    ct => group.Key ? api.ActivateAsync(ids, ct) : api.DeactivateAsync(ids, ct), cancellationToken);
                var failed = (data?.Errors ?? [])
                    .Where(e => e.Detail?.ProductId is not null)
                    .GroupBy(e => e.Detail!.ProductId!, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                foreach (var (item, index) in chunk)
                {
                    var itemError = error ?? (failed.TryGetValue(item.RemoteId, out var e) ? errors.FromCode(e.Code, e.Message, requestId) : null);
                    results[index] = Result(item.SellerSku, item.RemoteId, itemError, requestId);
                }
            }
        }

        return results;
    }

    private async Task<ItemResult> CreateOneAsync(CreateListing item, CancellationToken cancellationToken)
    {
        var sku = item.Content.SellerSku;
        var (images, imageError) = await uploader.UploadAsync(item.Content.Images, cancellationToken);
        if (imageError is not null)
        {
            return new ItemResult(sku, imageError) { RequestId = imageError.RequestId };
        }

        // No HTTP retry of this POST anywhere: TikTok has no idempotency key, a blind second create is a duplicate.
        var (created, requestId, error) = await CallAsync(ct => api.CreateAsync(mapper.ToCreate(item, images), ct), cancellationToken);
        if (error is not null)
        {
            return new ItemResult(sku, error) { RequestId = requestId };
        }

        if (created?.ProductId is not { Length: > 0 } productId)
        {
            var unnamed = new MarketplaceError.Transient($"TikTok answered the create of {sku} without a product id; look the SKU up.") { RequestId = requestId };
            return new ItemResult(sku, unnamed) { RequestId = requestId };
        }

        if ((created.Skus?.FirstOrDefault(s => s.SellerSku == sku) ?? created.Skus?.FirstOrDefault())?.Id is { Length: > 0 } skuId)
        {
            _skuIds[productId] = skuId;
        }

        if (!item.Active)
        {
            // TikTok lists on create; an inactive listing is created, then deactivated. If that fails, the item exists:
            // the error carries its id so the engine adopts it and sets the status again.
            var (data, deactivateId, deactivateError) = await CallAsync(ct => api.DeactivateAsync(new WireProductIds([productId]), ct), cancellationToken);
            var failure = deactivateError ?? (data?.Errors?.FirstOrDefault() is { } e ? errors.FromCode(e.Code, e.Message, deactivateId) : null);
            if (failure is not null)
            {
                return new ItemResult(sku, failure, productId, mapper.Url(productId)) { RequestId = deactivateId };
            }
        }

        // The create made the item and named it: its request id is the one to quote, deactivated or not.
        return new ItemResult(sku, null, productId, mapper.Url(productId)) { RequestId = requestId };
    }

    /// <param name="requestId">The request id of the call that answered, or null when none was made (the error then carries its own).</param>
    private ItemResult Result(string sellerSku, string remoteId, MarketplaceError? error, string? requestId)
    {
        if (error is MarketplaceError.NotFound)
        {
            // The SKU id we remembered may be stale (12019022): read it again next time.
            _skuIds.TryRemove(remoteId, out _);
        }

        var result = error is null ? new ItemResult(sellerSku, null, remoteId, mapper.Url(remoteId)) : new ItemResult(sellerSku, error, remoteId);
        return result with { RequestId = requestId ?? error?.RequestId };
    }

    private async Task<(T? Data, string? RequestId, MarketplaceError? Error)> CallAsync<T>(
        Func<CancellationToken, Task<IApiResponse<WireEnvelope<T>>>> call, CancellationToken cancellationToken)
        where T : class
    {
        IApiResponse<WireEnvelope<T>> response;
        try
        {
            response = await call(cancellationToken);
        }
        catch (Exception ex) when (TikTokShopErrorMapper.FromException(ex, cancellationToken) is { } failure)
        {
            return (null, null, failure);
        }

        using (response)
        {
            var requestId = response.Content?.RequestId ?? TikTokShopErrorMapper.RequestIdOf(response);
            return (response.Content?.Data, requestId, errors.FromResponse(response, cancellationToken));
        }
    }
}
