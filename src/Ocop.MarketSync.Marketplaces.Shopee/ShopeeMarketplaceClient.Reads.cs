using System.Globalization;
using System.Runtime.CompilerServices;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Shopee;

/// <summary>Lookups and reconciliation paging: these throw <see cref="MarketplaceException"/> when a call fails.</summary>
internal sealed partial class ShopeeMarketplaceClient
{
    /// <summary>get_item_base_info takes at most 50 ids.</summary>
    public const int BaseInfoBatch = 50;

    /// <summary>search_item pages take at most 100 ids.</summary>
    public const int SearchPageSize = 100;

    public async Task<IReadOnlyList<RemoteItem>> FindBySellerSkuAsync(IReadOnlyList<string> sellerSkus, CancellationToken cancellationToken)
    {
        var wanted = sellerSkus.ToHashSet(StringComparer.Ordinal);
        var ids = new List<long>();
        foreach (var sku in wanted)
        {
            var offset = string.Empty;
            do
            {
                var from = offset;
                var page = Require(await ShopeeCall.RunAsync(ct => api.SearchItemAsync(sku, from, SearchPageSize, ct), Park, cancellationToken));
                ids.AddRange(page.ItemIdList ?? []);
                // A marketplace that hands out the same offset again would have us search forever.
                offset = string.IsNullOrEmpty(page.NextOffset) || page.NextOffset == from ? string.Empty : page.NextOffset;
            }
            while (offset.Length > 0);
        }

        var found = new List<RemoteItem>();
        await foreach (var item in DetailsAsync(ids.Distinct(), cancellationToken))
        {
            // search_item may match loosely: never bind our listing to an item of another SKU.
            if (wanted.Contains(item.SellerSku))
            {
                found.Add(item);
            }
        }

        return found;
    }

    /// <summary>
    /// Walks update_time windows from <see cref="ShopeeChannelOptions.ReconcileSince"/> to now (re-read at each step,
    /// so items edited during the walk are still seen), each window by offset. Deep offsets fail on Shopee, so a
    /// window that hits "offset over limit" is split in halves. Items are yielded page by page; the set of ids seen
    /// (8 bytes each) keeps an item edited mid-walk from being reported twice.
    /// </summary>
    public async IAsyncEnumerable<RemoteItem> PageItemsAsync(string skuPrefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pageSize = capabilities.BatchSizeOf(MarketplaceOperation.PageItems);
        var seen = new HashSet<long>();
        var windowSeconds = Math.Max(1, (long)options.ReconcileWindow.TotalSeconds);
        var from = options.ReconcileSince.ToUnixTimeSeconds();
        var pending = new Stack<(long From, long To)>();
        while (pending.Count > 0 || from <= time.GetUtcNow().ToUnixTimeSeconds())
        {
            if (pending.Count == 0)
            {
                pending.Push((from, from + windowSeconds - 1));
                from += windowSeconds;
            }

            var window = pending.Pop();
            var offset = 0;
            while (true)
            {
                var at = offset;
                var outcome = await ShopeeCall.RunAsync(
                    ct => api.GetItemListAsync(at, pageSize, ShopeeWireMapper.ListedStatuses, window.From, window.To, ct), Park, cancellationToken);
                if (outcome.Error is MarketplaceError.Rejected { Message: var message } && IsOffsetCap(message) && window.To > window.From)
                {
                    var middle = window.From + ((window.To - window.From) / 2);
                    pending.Push((middle + 1, window.To));
                    pending.Push((window.From, middle));
                    break;
                }

                var page = Require(outcome);
                var fresh = (page.Item ?? []).Select(i => i.ItemId).Where(seen.Add).ToList();
                await foreach (var item in DetailsAsync(fresh, cancellationToken))
                {
                    if (item.SellerSku.StartsWith(skuPrefix, StringComparison.Ordinal))
                    {
                        yield return item;
                    }
                }

                if (!page.HasNextPage || page.NextOffset <= at)
                {
                    break;
                }

                offset = page.NextOffset;
            }
        }
    }

    private async IAsyncEnumerable<RemoteItem> DetailsAsync(IEnumerable<long> itemIds, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var chunk in itemIds.Chunk(BaseInfoBatch))
        {
            var list = string.Join(',', chunk.Select(ShopeeWireMapper.Id));
            var outcome = await ShopeeCall.RunAsync(ct => api.GetItemBaseInfoAsync(list, ct), Park, cancellationToken);
            var page = Require(outcome);
            foreach (var item in page.ItemList ?? [])
            {
                if (ShopeeWireMapper.ToRemoteItem(item, options) is { } remote)
                {
                    yield return remote with { RequestId = outcome.RequestId };
                }
            }
        }
    }

    private async Task<(IReadOnlyList<string> Ids, MarketplaceError? Error)> UploadImagesAsync(
        IReadOnlyList<string> urls, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        foreach (var url in urls.Take(MaxImages))
        {
            byte[] bytes;
            string fileName;
            try
            {
                var uri = new Uri(url, UriKind.Absolute);
                fileName = Path.GetFileName(uri.AbsolutePath) is { Length: > 0 } name ? name : "image.jpg";
                bytes = await images.GetByteArrayAsync(uri, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or UriFormatException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // A broken image URL is the listing's data, not Shopee: it will not heal by retrying soon.
                return ([], ex is HttpRequestException { StatusCode: null } or TaskCanceledException
                    ? new MarketplaceError.Transient($"Image {url} could not be fetched: {ex.Message}")
                    : new MarketplaceError.Rejected($"Image {url} could not be fetched: {ex.Message}"));
            }

            var part = new Refit.ByteArrayPart(bytes, fileName, ContentTypeOf(fileName));
            var outcome = await ShopeeCall.RunAsync(ct => api.UploadImageAsync(part, ct), Park, cancellationToken);
            if (outcome.Payload?.ImageInfo?.ImageId is not { Length: > 0 } imageId)
            {
                return ([], outcome.Error ?? new MarketplaceError.Transient("upload_image answered without an image_id.") { RequestId = outcome.RequestId });
            }

            ids.Add(imageId);
        }

        return (ids, null);
    }

    private static string ContentTypeOf(string fileName) =>
        fileName.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? "image/png" : "image/jpeg";

    private static bool IsOffsetCap(string message) => message.Contains("offset", StringComparison.OrdinalIgnoreCase);

    private static T Require<T>(ShopeeOutcome<T> outcome) =>
        outcome.Payload ?? throw new MarketplaceException(outcome.Error ?? new MarketplaceError.Transient(
            string.Create(CultureInfo.InvariantCulture, $"Shopee answered without a response.")) { RequestId = outcome.RequestId });
}
