namespace Ocop.MarketSync.Sync.Marketplaces;

/// <summary>
/// The port every marketplace adapter implements, for one channel (one shop). Batch methods return one
/// <see cref="ItemResult"/> per input item, in input order; a failure of the whole call (429, 5xx, timeout) is
/// returned as that error on every item, never thrown, so the engine handles partial and total failure alike.
/// </summary>
public interface IMarketplaceClient
{
    MarketplaceCapabilities Capabilities { get; }

    /// <summary>Creates items. Callers must have looked the seller SKUs up first (<see cref="FindBySellerSkuAsync"/>).</summary>
    Task<IReadOnlyList<ItemResult>> CreateAsync(IReadOnlyList<CreateListing> items, CancellationToken cancellationToken);

    Task<IReadOnlyList<ItemResult>> UpdateContentAsync(IReadOnlyList<ContentUpdate> items, CancellationToken cancellationToken);

    Task<IReadOnlyList<ItemResult>> UpdatePriceAsync(IReadOnlyList<PriceUpdate> items, CancellationToken cancellationToken);

    Task<IReadOnlyList<ItemResult>> UpdateStockAsync(IReadOnlyList<StockUpdate> items, CancellationToken cancellationToken);

    Task<IReadOnlyList<ItemResult>> SetStatusAsync(IReadOnlyList<StatusUpdate> items, CancellationToken cancellationToken);

    /// <summary>The remote items with these seller SKUs (absent SKUs are simply not in the result).</summary>
    /// <exception cref="MarketplaceException">The lookup itself failed; nothing may be created on its basis.</exception>
    Task<IReadOnlyList<RemoteItem>> FindBySellerSkuAsync(IReadOnlyList<string> sellerSkus, CancellationToken cancellationToken);

    /// <summary>Streams every remote item whose seller SKU starts with <paramref name="skuPrefix"/>.</summary>
    IAsyncEnumerable<RemoteItem> PageItemsAsync(string skuPrefix, CancellationToken cancellationToken);
}

/// <summary>A call that returns no per-item results (lookup, paging) failed as a whole.</summary>
public sealed class MarketplaceException(MarketplaceError error) : Exception(error.Message)
{
    public MarketplaceError Error { get; } = error;
}
