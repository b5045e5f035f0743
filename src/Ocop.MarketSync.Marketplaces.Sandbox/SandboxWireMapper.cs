using Ocop.MarketSync.Marketplaces.Sandbox.Api;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Sandbox;

/// <summary>Port types to wire DTOs and back. Nothing of the wire leaves this project.</summary>
internal static class SandboxWireMapper
{
    public static WireCreateItem ToWire(CreateListing listing) => new(
        listing.Content.SellerSku,
        listing.Content.Title,
        listing.Content.Description,
        listing.Content.CategoryId,
        listing.Content.Images,
        listing.Content.Gtin,
        listing.Content.WeightGrams,
        listing.Content.Attributes,
        listing.PriceVnd,
        listing.Stock,
        listing.Active);

    public static WireContentItem ToWire(ContentUpdate update) => new(
        update.RemoteId,
        update.Content.Title,
        update.Content.Description,
        update.Content.CategoryId,
        update.Content.Images,
        update.Content.Gtin,
        update.Content.WeightGrams,
        update.Content.Attributes);

    public static WirePriceItem ToWire(PriceUpdate update) => new(update.RemoteId, update.PriceVnd);

    public static WireStockItem ToWire(StockUpdate update) => new(update.RemoteId, update.Stock);

    public static WireStatusItem ToWire(StatusUpdate update) => new(update.RemoteId, update.Active);

    /// <summary>
    /// The result of a create. It binds a remote id to a seller SKU, so an answer for another SKU (results out of
    /// order) is not trusted: the item is reported transient and the engine resolves it by lookup.
    /// </summary>
    public static ItemResult CreateResult(string sellerSku, WireItemResult result, string? requestId)
    {
        if (result.Error is { } error)
        {
            return new ItemResult(sellerSku, SandboxErrorMapper.FromItemError(error, requestId));
        }

        if (string.IsNullOrEmpty(result.RemoteId) || (result.SellerSku is not null && result.SellerSku != sellerSku))
        {
            return new ItemResult(sellerSku, new MarketplaceError.Transient(
                $"The create answer for {sellerSku} names item '{result.RemoteId}' of SKU '{result.SellerSku}'; look the SKU up.")
            { RequestId = requestId });
        }

        return new ItemResult(sellerSku, null, result.RemoteId, result.Url) { RequestId = requestId };
    }

    public static ItemResult UpdateResult(string sellerSku, string remoteId, WireItemResult result, string? requestId)
    {
        if (result.Error is { } error)
        {
            return new ItemResult(sellerSku, SandboxErrorMapper.FromItemError(error, requestId), remoteId);
        }

        return result.RemoteId is not null && result.RemoteId != remoteId
            ? new ItemResult(sellerSku, new MarketplaceError.Transient(
                $"The answer for item {remoteId} names item '{result.RemoteId}' instead.") { RequestId = requestId }, remoteId)
            : new ItemResult(sellerSku, null, remoteId, result.Url) { RequestId = requestId };
    }

    /// <exception cref="MarketplaceException">The item lacks its id or SKU: the answer cannot be trusted.</exception>
    public static RemoteItem ToRemoteItem(WireItem item, string? requestId)
    {
        if (string.IsNullOrEmpty(item.RemoteId) || string.IsNullOrEmpty(item.SellerSku))
        {
            throw new MarketplaceException(new MarketplaceError.Transient(
                $"The marketplace listed an item without remoteId or sellerSku ('{item.RemoteId}', '{item.SellerSku}').")
            { RequestId = requestId });
        }

        return new RemoteItem(
            item.RemoteId, item.SellerSku, item.Url, item.Title ?? string.Empty, item.PriceVnd, item.Stock, item.Active, item.Banned, item.UpdatedAt)
        { RequestId = requestId };
    }
}
