using System.Globalization;
using Ocop.MarketSync.Marketplaces.TikTokShop.Api;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.TikTokShop;

/// <summary>Port types to TikTok wire DTOs and back, with the channel's required-field defaults. Nothing of the wire leaves this project.</summary>
internal sealed class TikTokShopWireMapper(TikTokShopChannelOptions options)
{
    public const string Currency = "VND";

    public WireCreateProduct ToCreate(CreateListing listing, IReadOnlyList<WireImage> images)
    {
        var content = listing.Content;
        return new WireCreateProduct(
            SaveMode: "LISTING",
            Title: content.Title,
            Description: content.Description,
            CategoryId: content.CategoryId,
            BrandId: string.IsNullOrWhiteSpace(options.BrandId) ? null : options.BrandId,
            MainImages: images,
            PackageWeight: Weight(content),
            PackageDimensions: new WireDimensions(
                Number(options.PackageLengthCm), Number(options.PackageWidthCm), Number(options.PackageHeightCm), "CENTIMETER"),
            ProductAttributes: Attributes(content),
            Skus:
            [
                new WireCreateSku(
                    content.SellerSku,
                    Price(listing.PriceVnd),
                    [new WireInventory(options.WarehouseId, listing.Stock)],
                    IdentifierCode(content.Gtin),
                    []),
            ],
            DeliveryOptionIds: options.DeliveryOptionIds.Count == 0 ? null : options.DeliveryOptionIds,
            ExternalProductId: null);
    }

    public WirePartialEdit ToPartialEdit(ListingContent content, IReadOnlyList<WireImage> images) =>
        new(content.Title, content.Description, images, Weight(content), Attributes(content));

    public static WirePrice Price(long priceVnd) => new(priceVnd.ToString(CultureInfo.InvariantCulture), Currency);

    public string Url(string productId) => options.ProductUrlTemplate.Replace("{productId}", productId, StringComparison.Ordinal);

    /// <summary>The product as the port sees it: its first SKU (the sync lists one SKU per product).</summary>
    /// <returns>Null for a product without id or seller SKU, or deleted: nothing the sync can bind to.</returns>
    public RemoteItem? ToRemoteItem(WireProduct product)
    {
        var sku = product.Skus?.FirstOrDefault(s => !string.IsNullOrEmpty(s.SellerSku));
        if (string.IsNullOrEmpty(product.Id) || sku?.SellerSku is null || product.Status == "DELETED")
        {
            return null;
        }

        return new RemoteItem(
            product.Id,
            sku.SellerSku,
            Url(product.Id),
            product.Title ?? string.Empty,
            PriceOf(sku.Price),
            (int)Math.Min(int.MaxValue, sku.Inventory?.Sum(i => (long)i.Quantity) ?? 0),
            Active: product.Status == "ACTIVATE",
            Banned: product.Status is "PLATFORM_DEACTIVATED" or "FREEZE",
            DateTimeOffset.FromUnixTimeSeconds(product.UpdateTime));
    }

    private static long PriceOf(WireSkuPriceRead? price)
    {
        var text = price?.TaxExclusivePrice ?? price?.Amount ?? price?.SalePrice;
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? (long)decimal.Round(amount) : 0;
    }

    private WireWeight Weight(ListingContent content)
    {
        var grams = content.WeightGrams is > 0 and var weight ? weight : options.DefaultWeightGrams;
        return new WireWeight((grams / 1000m).ToString("0.###", CultureInfo.InvariantCulture), "KILOGRAM");
    }

    /// <summary>Only attributes mapped to a TikTok attribute id; others (our internal keys) are not TikTok's business.</summary>
    private List<WireProductAttribute>? Attributes(ListingContent content)
    {
        var mapped = content.Attributes
            .Where(a => options.AttributeIds.ContainsKey(a.Key) && !string.IsNullOrWhiteSpace(a.Value))
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => new WireProductAttribute(options.AttributeIds[a.Key], [new WireAttributeValue(a.Value)]))
            .ToList();
        return mapped.Count == 0 ? null : mapped;
    }

    /// <summary>TikTok accepts GTIN (14), EAN (8/13/14), UPC (12): an EAN-13 is sent as EAN.</summary>
    private static WireIdentifierCode? IdentifierCode(string? gtin) => gtin?.Length switch
    {
        8 or 13 => new WireIdentifierCode(gtin, "EAN"),
        12 => new WireIdentifierCode(gtin, "UPC"),
        14 => new WireIdentifierCode(gtin, "GTIN"),
        _ => null,
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
