using System.Globalization;
using System.Runtime.CompilerServices;
using Ocop.MarketSync.Marketplaces.Tiki.Api;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Tiki;

internal sealed partial class TikiMarketplaceClient
{
    /// <summary><c>GET /integration/v2/products/findBy?original_sku=</c>, one SKU per call; a 404 means "not there".</summary>
    public async Task<IReadOnlyList<RemoteItem>> FindBySellerSkuAsync(IReadOnlyList<string> sellerSkus, CancellationToken cancellationToken)
    {
        var found = new List<RemoteItem>();
        foreach (var sku in sellerSkus.Distinct(StringComparer.Ordinal))
        {
            var (product, error) = await CallAsync(ct => api.FindByAsync(sku, ct), cancellationToken);
            if (error is MarketplaceError.NotFound)
            {
                continue;
            }

            if (error is not null)
            {
                throw new MarketplaceException(error);
            }

            // Only an exact original_sku may bind a listing to a product.
            if (mapper.ToRemoteItem(product!) is { } item && string.Equals(item.SellerSku, sku, StringComparison.Ordinal))
            {
                found.Add(item);
            }
        }

        return found;
    }

    /// <summary>
    /// Streams the shop's products updated since <c>ReconcileFrom</c>, window by window. Tiki answers at most 10,000
    /// results per query (#243), so a window whose total reaches the cap is halved (and so on) before it is paged;
    /// windows are whole seconds apart so none overlaps (the filter has second resolution). A product that moves
    /// window while paging is reported once.
    /// </summary>
    public async IAsyncEnumerable<RemoteItem> PageItemsAsync(string skuPrefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<long>();
        var now = time.GetUtcNow();
        var windows = new Stack<(DateTimeOffset From, DateTimeOffset To)>();
        windows.Push((Second(reconcileFrom), Second(now)));
        while (windows.TryPop(out var window))
        {
            var first = await PageAsync(window, 1, cancellationToken);
            var total = first.Paging?.Total ?? first.Data?.Count ?? 0;
            if (total >= resultCap)
            {
                var span = window.To - window.From;
                if (span < TimeSpan.FromSeconds(2))
                {
                    throw new MarketplaceException(new MarketplaceError.Transient(string.Create(CultureInfo.InvariantCulture,
                        $"Tiki reports {total} products updated within {TikiWireMapper.Date(window.From)}–{TikiWireMapper.Date(window.To)}: the window cannot be split below the {resultCap}-result cap.")));
                }

                var middle = Second(window.From + (span / 2));
                // Later half first on the stack so the earlier half is paged first.
                windows.Push((middle, window.To));
                windows.Push((window.From, middle.AddSeconds(-1)));
                continue;
            }

            var page = first;
            for (var number = 1; ; number++)
            {
                foreach (var product in page.Data ?? [])
                {
                    if (product.OriginalSku?.StartsWith(skuPrefix, StringComparison.Ordinal) == true && seen.Add(product.ProductId)
                        && mapper.ToRemoteItem(product) is { } item)
                    {
                        yield return item;
                    }
                }

                var last = page.Paging?.LastPage ?? number;
                if (number >= last || page.Data is not { Count: > 0 })
                {
                    break;
                }

                page = await PageAsync(window, number + 1, cancellationToken);
            }
        }
    }

    private async Task<WireProductPage> PageAsync((DateTimeOffset From, DateTimeOffset To) window, int page, CancellationToken cancellationToken)
    {
        var (data, error) = await CallAsync(ct => api.ListAsync(IncludeInventory, page, TikiCapabilities.PageSize,
            TikiWireMapper.Date(window.From), TikiWireMapper.Date(window.To), ct), cancellationToken);
        return error is null ? data! : throw new MarketplaceException(error);
    }

    private static DateTimeOffset Second(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
