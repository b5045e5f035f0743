using System.Runtime.CompilerServices;
using Ocop.MarketSync.Marketplaces.TikTokShop.Api;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.TikTokShop;

internal sealed partial class TikTokShopMarketplaceClient
{
    public async Task<IReadOnlyList<RemoteItem>> FindBySellerSkuAsync(IReadOnlyList<string> sellerSkus, CancellationToken cancellationToken)
    {
        var wanted = sellerSkus.ToHashSet(StringComparer.Ordinal);
        var found = new List<RemoteItem>();
        foreach (var chunk in wanted.Chunk(TikTokShopCapabilities.SkusPerSearch))
        {
            var filter = new WireSearchFilter("ALL", chunk, null, null);
            // Search matches "products that contain these SKUs"; only exact SKUs may bind a listing to an item.
            await foreach (var item in SearchAsync(filter, cancellationToken))
            {
                if (wanted.Contains(item.SellerSku))
                {
                    found.Add(item);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Streams the shop's products by cursor, a page at a time (constant memory). TikTok pages by token, not by
    /// offset, so no deep-offset cap applies; a token is never kept beyond this enumeration (they expire).
    /// </summary>
    public async IAsyncEnumerable<RemoteItem> PageItemsAsync(string skuPrefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in SearchAsync(new WireSearchFilter("ALL", null, null, null), cancellationToken))
        {
            if (item.SellerSku.StartsWith(skuPrefix, StringComparison.Ordinal))
            {
                yield return item;
            }
        }
    }

    private async IAsyncEnumerable<RemoteItem> SearchAsync(WireSearchFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? pageToken = null;
        do
        {
            var token = pageToken;
            var (page, requestId, error) = await CallAsync(
                ct => api.SearchAsync(TikTokShopCapabilities.SearchPageSize, token, filter, ct), cancellationToken);
            if (error is not null)
            {
                throw new MarketplaceException(error);
            }

            foreach (var product in page?.Products ?? [])
            {
                if (mapper.ToRemoteItem(product) is { } item)
                {
                    Remember(product);
                    yield return item with { RequestId = requestId };
                }
            }

            // A marketplace that hands out the same token again would have us page forever.
            pageToken = string.IsNullOrEmpty(page?.NextPageToken) || page.NextPageToken != token ? page?.NextPageToken
                : throw new MarketplaceException(new MarketplaceError.Transient(
                    $"TikTok answered page token '{token}' with the same token again.") { RequestId = requestId });
        }
        while (!string.IsNullOrEmpty(pageToken));
    }

    /// <summary>The SKU id of the product's SKU <paramref name="sellerSku"/>: remembered, or read back.</summary>
    private async Task<(string? SkuId, MarketplaceError? Error)> SkuIdAsync(string productId, string sellerSku, CancellationToken cancellationToken)
    {
        if (_skuIds.TryGetValue(productId, out var known))
        {
            return (known, null);
        }

        var (product, requestId, error) = await CallAsync(ct => api.GetAsync(productId, ct), cancellationToken);
        if (error is not null)
        {
            return (null, error);
        }

        var skus = product?.Skus ?? [];
        var sku = skus.FirstOrDefault(s => s.SellerSku == sellerSku) ?? (skus.Count == 1 ? skus[0] : null);
        if (sku?.Id is not { Length: > 0 } skuId)
        {
            return (null, new MarketplaceError.NotFound($"TikTok product {productId} has no SKU '{sellerSku}'.") { RequestId = requestId });
        }

        _skuIds[productId] = skuId;
        return (skuId, null);
    }

    private void Remember(WireProduct product)
    {
        if (product.Id is { Length: > 0 } id && product.Skus?.FirstOrDefault()?.Id is { Length: > 0 } skuId)
        {
            _skuIds[id] = skuId;
        }
    }
}
