using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Ocop.MarketSync.Marketplaces.Lazada.Api;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Lazada;

internal sealed partial class LazadaMarketplaceClient
{
    private const string AllProducts = "all";

    public async Task<IReadOnlyList<RemoteItem>> FindBySellerSkuAsync(IReadOnlyList<string> sellerSkus, CancellationToken cancellationToken)
    {
        var wanted = sellerSkus.ToHashSet(StringComparer.Ordinal);
        var found = new List<RemoteItem>();
        foreach (var chunk in wanted.Chunk(_options.PageSize))
        {
            found.AddRange((await LookupAsync(chunk, cancellationToken)).Items);
        }

        return found;
    }

    /// <summary>One lookup call: the items of exactly these SKUs (a looser match must never bind our listing to another item).</summary>
    /// <exception cref="MarketplaceException">The call failed as a whole.</exception>
    private async Task<(IReadOnlyList<RemoteItem> Items, string? RequestId)> LookupAsync(
        IReadOnlyCollection<string> sellerSkus, CancellationToken cancellationToken)
    {
        var list = JsonSerializer.Serialize(sellerSkus);
        var (page, requestId) = await ReadAsync(ct => api.GetProductsAsync(AllProducts, _options.PageSize, null, null, null, list, ct), cancellationToken);
        return ([.. ToRemoteItems(page, requestId).Where(item => sellerSkus.Contains(item.SellerSku))], requestId);
    }

    /// <summary>
    /// Streams the shop's SKUs whose seller SKU starts with <paramref name="skuPrefix"/> (Lazada cannot filter by
    /// prefix, so every product is read). Offsets stop at 10,000, so a window of update times holding more products
    /// than that is halved until each half fits; memory stays constant (a stack of at most a few dozen windows).
    /// An item updated while the walk runs may move to a later window and be read twice: callers key by remote id.
    /// </summary>
    public async IAsyncEnumerable<RemoteItem> PageItemsAsync(string skuPrefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var limit = _options.PageSize;
        var windows = new Stack<(DateTimeOffset From, DateTimeOffset To)>();
        windows.Push((_options.ReconcileFrom, time.GetUtcNow().AddMinutes(1)));
        while (windows.TryPop(out var window))
        {
            var (after, before) = (Iso(window.From), Iso(window.To));
            for (var offset = 0; ; offset += limit)
            {
                var at = offset;
                var (page, requestId) = await ReadAsync(ct => api.GetProductsAsync(AllProducts, limit, at == 0 ? null : at, after, before, null, ct), cancellationToken);
                if (at == 0 && page.TotalProducts > _options.OffsetCap + limit && window.To - window.From > TimeSpan.FromSeconds(2))
                {
                    var middle = window.From + ((window.To - window.From) / 2);
                    middle = new DateTimeOffset(middle.Ticks - (middle.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
                    // Later half pushed first, so the earlier half is walked first.
                    windows.Push((middle.AddSeconds(1), window.To));
                    windows.Push((window.From, middle));
                    break;
                }

                foreach (var item in ToRemoteItems(page, requestId).Where(i => i.SellerSku.StartsWith(skuPrefix, StringComparison.Ordinal)))
                {
                    yield return item;
                }

                if ((page.Products?.Count ?? 0) < limit || offset + limit >= page.TotalProducts || offset + limit > _options.OffsetCap)
                {
                    break;
                }
            }
        }
    }

    /// <summary>The item of this SKU with the lookup's request id, or no item (none, or the lookup failed).</summary>
    private async Task<(RemoteItem? Item, string? RequestId)> FindOneAsync(string sellerSku, CancellationToken cancellationToken)
    {
        try
        {
            var (items, requestId) = await LookupAsync([sellerSku], cancellationToken);
            return (items.FirstOrDefault(), requestId);
        }
        catch (MarketplaceException)
        {
            // The caller reports the create's own error; the engine looks the SKU up again before any re-create.
            return (null, null);
        }
    }

    /// <exception cref="MarketplaceException">The call failed as a whole.</exception>
    private async Task<(WireProducts Page, string? RequestId)> ReadAsync(
        Func<CancellationToken, Task<Refit.IApiResponse<LazadaResponse<WireProducts>>>> call, CancellationToken cancellationToken)
    {
        var answer = await CallAsync(call, cancellationToken);
        return answer.Failure is null ? (answer.Envelope?.Data ?? new WireProducts(0, []), answer.RequestId)
            : throw new MarketplaceException(answer.Failure);
    }

    private static IEnumerable<RemoteItem> ToRemoteItems(WireProducts page, string? requestId) =>
        from product in page.Products ?? []
        from sku in product.Skus ?? []
        where sku.SellerSku is not null
        select new RemoteItem(
            new LazadaRemoteId(product.ItemId, sku.SkuId).ToString(),
            sku.SellerSku!,
            sku.Url,
            product.Attributes?.Name ?? string.Empty,
            // Whole đồng: Lazada answers prices as decimals ("185000.00").
            (long)Math.Round(sku.Price ?? 0m, MidpointRounding.AwayFromZero),
            sku.Quantity ?? 0,
            string.Equals(sku.Status, "active", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(product.Status, "inactive", StringComparison.OrdinalIgnoreCase),
            product.Status is { } status && (status.Equals("suspended", StringComparison.OrdinalIgnoreCase) || status.Equals("banned", StringComparison.OrdinalIgnoreCase)),
            DateTimeOffset.FromUnixTimeMilliseconds(product.UpdatedTime ?? product.CreatedTime ?? 0)) { RequestId = requestId };

    /// <summary>ISO-8601 with offset, as <c>update_after</c>/<c>update_before</c> expect, whatever the server's culture.</summary>
    private static string Iso(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
}
