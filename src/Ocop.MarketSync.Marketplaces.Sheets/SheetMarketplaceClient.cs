using Ocop.MarketSync.Marketplaces.Sheets.Options;
using Ocop.MarketSync.Marketplaces.Sheets.Store;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Sheets;

/// <summary>
/// The port for a floor without an API: every push becomes a row of the channel's open sheet, answered with a review
/// ticket (<see cref="SheetTicket"/>) so the listing waits until staff mark that sheet uploaded to the floor.
/// Reads answer from the latest floor export staff imported, plus the sheets uploaded since (what we believe is on
/// the floor); see <c>SheetMarketplaceClient.Reads.cs</c>.
/// </summary>
internal sealed partial class SheetMarketplaceClient(
    string channelId,
    ISheetStore store,
    SheetChannelOptions options,
    TimeProvider time) : IMarketplaceClient, IReviewingMarketplaceClient
{
    public MarketplaceCapabilities Capabilities { get; } = SheetCapabilities.For(options);

    public Task<IReadOnlyList<ItemResult>> CreateAsync(IReadOnlyList<CreateListing> items, CancellationToken cancellationToken) =>
        PushAsync(items, i => i.Content.SellerSku, (i, at) => new SheetRow(i.Content.SellerSku, SheetRowKind.Add, at)
        {
            Content = i.Content,
            PriceVnd = i.PriceVnd,
            Stock = i.Stock,
        }, remoteId: _ => null, cancellationToken);

    public Task<IReadOnlyList<ItemResult>> UpdateContentAsync(IReadOnlyList<ContentUpdate> items, CancellationToken cancellationToken) =>
        PushAsync(items, i => i.Content.SellerSku, (i, at) => new SheetRow(i.Content.SellerSku, SheetRowKind.Change, at)
        {
            RemoteId = i.RemoteId,
            Content = i.Content,
        }, i => i.RemoteId, cancellationToken);

    public Task<IReadOnlyList<ItemResult>> UpdatePriceAsync(IReadOnlyList<PriceUpdate> items, CancellationToken cancellationToken) =>
        PushAsync(items, i => i.SellerSku, (i, at) => new SheetRow(i.SellerSku, SheetRowKind.Change, at)
        {
            RemoteId = i.RemoteId,
            PriceVnd = i.PriceVnd,
        }, i => i.RemoteId, cancellationToken);

    public Task<IReadOnlyList<ItemResult>> UpdateStockAsync(IReadOnlyList<StockUpdate> items, CancellationToken cancellationToken) =>
        PushAsync(items, i => i.SellerSku, (i, at) => new SheetRow(i.SellerSku, SheetRowKind.Change, at)
        {
            RemoteId = i.RemoteId,
            Stock = i.Stock,
        }, i => i.RemoteId, cancellationToken);

    /// <summary>A delist (expired or revoked certificate, withdrawn product) is a removal row; a relist a re-add row.</summary>
    public Task<IReadOnlyList<ItemResult>> SetStatusAsync(IReadOnlyList<StatusUpdate> items, CancellationToken cancellationToken) =>
        PushAsync(items, i => i.SellerSku, (i, at) => new SheetRow(i.SellerSku, i.Active ? SheetRowKind.ReAdd : SheetRowKind.Remove, at)
        {
            RemoteId = i.RemoteId,
        }, i => i.RemoteId, cancellationToken);

    private async Task<IReadOnlyList<ItemResult>> PushAsync<T>(
        IReadOnlyList<T> items,
        Func<T, string> sku,
        Func<T, DateTimeOffset, SheetRow> row,
        Func<T, string?> remoteId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var at = time.GetUtcNow();
        var rows = items.Where(i => !string.IsNullOrWhiteSpace(sku(i))).Select(i => row(i, at)).ToList();
        long sheetId = 0;
        if (rows.Count > 0)
        {
            try
            {
                sheetId = await store.AppendAsync(channelId, rows, at, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The port returns a failed call as an error on every item (never thrown); the store being down is
                // transient, and the engine retries the items rather than losing them.
                var error = new MarketplaceError.Transient($"The sheet store did not take the rows: {ex.Message}");
                return [.. items.Select(i => new ItemResult(sku(i) ?? string.Empty, error))];
            }
        }

        return [.. items.Select(i => string.IsNullOrWhiteSpace(sku(i))
            ? new ItemResult(sku(i) ?? string.Empty, new MarketplaceError.Rejected("A sheet row needs a seller SKU: rows are matched by it."))
            : new ItemResult(sku(i), RemoteId: remoteId(i)) { ReviewTicket = SheetTicket.Format(sheetId, sku(i)) })];
    }
}
