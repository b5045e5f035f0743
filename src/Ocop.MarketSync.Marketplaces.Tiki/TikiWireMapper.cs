using System.Globalization;
using Ocop.MarketSync.Marketplaces.Tiki.Api;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Tiki;

/// <summary>Port types to Tiki wire DTOs and back, with the channel's defaults. Nothing of the wire leaves this project.</summary>
internal sealed class TikiWireMapper(TikiChannelOptions options)
{
    /// <summary>Tiki's date filters and times are Vietnam wall-clock time (UTC+7, no daylight saving) [unverified: not stated in the docs].</summary>
    public static readonly TimeSpan TikiOffset = TimeSpan.FromHours(7);

    public const string DateFormat = "yyyy-MM-dd HH:mm:ss";

    public long WarehouseId => long.Parse(options.WarehouseId, CultureInfo.InvariantCulture);

    /// <returns>Null when the listing's category is not a Tiki category id (a number).</returns>
    public WireProductRequest? ToRequest(CreateListing listing)
    {
        var content = listing.Content;
        if (!long.TryParse(content.CategoryId, NumberStyles.None, CultureInfo.InvariantCulture, out var category))
        {
            return null;
        }

        var (image, images) = Images(content);
        var variant = new WireVariant(
            content.SellerSku, listing.PriceVnd, listing.PriceVnd, options.InventoryType, options.WarehouseId,
            [new WireWarehouseStock(WarehouseId, listing.Stock)], image, images);
        // market_price (the crossed-out list price) equals the price: the registry price is the only price we have.
        return new WireProductRequest(category, content.Title, content.Description, listing.PriceVnd, Attributes(content), image, images,
            [variant], new WireMetaData(IsAutoTurnOn: false));
    }

    public WireUpdateProductInfo ToUpdate(long productId, ListingContent content)
    {
        var (image, images) = Images(content);
        return new WireUpdateProductInfo(productId, content.Title, content.Description, Attributes(content), image, images);
    }

    public string Url(string productId) => options.ProductUrlTemplate.Replace("{productId}", productId, StringComparison.Ordinal);

    public static string Date(DateTimeOffset instant) => instant.ToOffset(TikiOffset).ToString(DateFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseDate(string? text) =>
        DateTime.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, TikiOffset) : null;

    public static bool TryProductId(string remoteId, out long productId) =>
        long.TryParse(remoteId, NumberStyles.None, CultureInfo.InvariantCulture, out productId) && productId > 0;

    /// <returns>Null for a product without an original_sku: nothing the sync can bind to.</returns>
    public RemoteItem? ToRemoteItem(WireProduct product)
    {
        if (product.ProductId <= 0 || string.IsNullOrEmpty(product.OriginalSku))
        {
            return null;
        }

        var id = product.ProductId.ToString(CultureInfo.InvariantCulture);
        return new RemoteItem(
            id, product.OriginalSku, Url(id), product.Name ?? string.Empty, product.Price, Stock(product) ?? 0,
            Active: product.Active == 1,
            // Tiki reports only active/inactive (#203): a locked product cannot be told apart from one turned off.
            Banned: false,
            ParseDate(product.UpdatedAt) ?? ParseDate(product.CreatedAt) ?? DateTimeOffset.UnixEpoch);
    }

    /// <summary>The seller-entered quantity (what the channel sets), or null when the answer carries no inventory.</summary>
    public static int? Stock(WireProduct product) => product.Inventory?.Quantity;

    /// <summary>Tiki takes one main image and the others as <c>images</c>.</summary>
    private static (string? Image, IReadOnlyList<string> Images) Images(ListingContent content) =>
        (content.Images.FirstOrDefault(), content.Images.Skip(1).ToList());

    /// <summary>The brand, then only attributes mapped to a Tiki attribute code.</summary>
    private SortedDictionary<string, string> Attributes(ListingContent content)
    {
        var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["brand"] = options.Brand };
        foreach (var (key, value) in content.Attributes)
        {
            if (options.AttributeCodes.TryGetValue(key, out var code) && !string.IsNullOrWhiteSpace(value))
            {
                attributes[code] = value;
            }
        }

        return attributes;
    }
}
