using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Sandbox;

internal sealed partial class SandboxMarketplaceClient
{
    /// <summary>
    /// Without an uploader: <paramref name="write"/> as is. With one: the pictures of every item are uploaded first,
    /// the items whose uploads all succeeded are written with the image ids in place of their URLs, and each other
    /// item is answered with its upload's failure without being sent, so one bad picture costs only its own item.
    /// Results keep the input order.
    /// </summary>
    /// <param name="failed">The result of an item not sent because an upload of its pictures failed.</param>
    private async Task<IReadOnlyList<ItemResult>> WithUploadedImagesAsync<TItem>(
        IReadOnlyList<TItem> items,
        Func<TItem, ListingContent> contentOf,
        Func<TItem, ListingContent, TItem> withContent,
        Func<TItem, MarketplaceError, ItemResult> failed,
        Func<IReadOnlyList<TItem>, Task<IReadOnlyList<ItemResult>>> write,
        CancellationToken cancellationToken)
    {
        if (images is null)
        {
            return await write(items);
        }

        var uploads = await images.UploadAsync(items.Select(item => contentOf(item).Images), cancellationToken);
        var sent = new List<TItem>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (uploads[i].ImageIds is { } ids)
            {
                sent.Add(withContent(items[i], contentOf(items[i]) with { Images = ids }));
            }
        }

        var written = await write(sent);
        var results = new List<ItemResult>(items.Count);
        var next = 0;
        for (var i = 0; i < items.Count; i++)
        {
            results.Add(uploads[i].Error is { } error ? failed(items[i], error) : written[next++]);
        }

        return results;
    }
}
