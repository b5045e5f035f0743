using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Ocop.MarketSync.Sandbox.Lazada;

/// <summary>Create and update (JSON payloads) and image migration, with Lazada's checks.</summary>
public sealed partial class LazadaSimulator
{
    public const string HostedImagePrefix = "https://vn-live-01.slatic.net/p/";

    internal JsonObject MigrateImage(string payload)
    {
        var url = LazadaSimulatorPayload.Xml(payload).Element("Image")?.Element("Url")?.Value;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var source) || source.Scheme is not ("http" or "https"))
        {
            throw new LazadaSimulatorError("InvalidParameter", "Request/Image/Url must be an http(s) URL");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url!)))[..32];
        return new JsonObject { ["image"] = new JsonObject { ["url"] = $"{HostedImagePrefix}{hash}.jpg", ["hash_code"] = hash } };
    }

    internal JsonObject Create(string payload)
    {
        var product = LazadaSimulatorPayload.Product(payload);
        var sku = LazadaSimulatorPayload.Skus(product).FirstOrDefault()
            ?? throw new LazadaSimulatorError("500", "Skus/Sku is required", detail: [new(null, "Skus", "at least one SKU", "4108")]);
        var sellerSku = Text(sku, "SellerSku") ?? throw new LazadaSimulatorError("MissingParameter", "SellerSku is required");
        var attributes = product["Attributes"] as JsonObject ?? throw new LazadaSimulatorError("500", "Attributes are required",
            detail: [new(sellerSku, "Attributes", "name is mandatory", "4108")]);
        var name = Text(attributes, "name") ?? throw new LazadaSimulatorError("500", "name is mandatory", detail: [new(sellerSku, "name", "mandatory", "4108")]);
        var images = CheckImages(product, sellerSku);
        CheckName(name, sellerSku);
        var price = Price(Text(sku, "price"), sellerSku);
        var quantity = int.TryParse(Text(sku, "quantity"), NumberStyles.None, CultureInfo.InvariantCulture, out var q) ? q
            : throw new LazadaSimulatorError("500", "quantity must be a whole number", detail: [new(sellerSku, "quantity", "not a number", "4108")]);
        var category = Text(product, "PrimaryCategory") ?? throw new LazadaSimulatorError("500", "PrimaryCategory is required",
            detail: [new(sellerSku, "PrimaryCategory", "mandatory", "4134")]);
        lock (_gate)
        {
            if (_itemBySku.ContainsKey(sellerSku))
            {
                throw new LazadaSimulatorError("4105", $"SellerSku {sellerSku} is repeat: it is used by another product of this shop");
            }

            var now = Time.GetUtcNow();
            var itemId = _nextItemId++;
            var item = new LazadaSimulatorItem
            {
                ItemId = itemId,
                SkuId = itemId * 10 + 7,
                SellerSku = sellerSku,
                Name = name,
                Description = Text(attributes, "description") ?? string.Empty,
                PrimaryCategory = category,
                Images = images,
                Attributes = attributes.Where(a => a.Value is JsonValue).ToDictionary(a => a.Key, a => a.Value!.ToString(), StringComparer.Ordinal),
                Price = price,
                Quantity = quantity,
                CreatedAt = now,
                UpdatedAt = now,
            };
            _items[itemId] = item;
            _itemBySku[sellerSku] = itemId;
            return new JsonObject
            {
                ["item_id"] = itemId,
                ["sku_list"] = new JsonArray(new JsonObject { ["seller_sku"] = sellerSku, ["shop_sku"] = ShopSku(item), ["sku_id"] = item.SkuId }),
            };
        }
    }

    /// <summary>An update changes what it names; a SKU must be named by SkuId (4216).</summary>
    internal JsonObject Update(string payload)
    {
        var product = LazadaSimulatorPayload.Product(payload);
        var itemId = long.TryParse(Text(product, "ItemId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
            : throw new LazadaSimulatorError("MissingParameter", "ItemId is required");
        var sku = LazadaSimulatorPayload.Skus(product).FirstOrDefault();
        if (sku is not null && Text(sku, "SkuId") is null)
        {
            throw new LazadaSimulatorError("4216", "SkuId is required to update a SKU");
        }

        var attributes = product["Attributes"] as JsonObject;
        var name = attributes is null ? null : Text(attributes, "name");
        if (name is not null)
        {
            CheckName(name, Text(sku ?? [], "SellerSku"));
        }

        var images = product["Images"] is null ? null : CheckImages(product, null);
        Edit(itemId, item =>
        {
            if (sku is not null && Text(sku, "SkuId") != item.SkuId.ToString(CultureInfo.InvariantCulture))
            {
                throw new LazadaSimulatorError("4137", $"SKU {Text(sku, "SkuId")} is not a SKU of item {itemId}");
            }

            return item with
            {
                Name = name ?? item.Name,
                Description = (attributes is null ? null : Text(attributes, "description")) ?? item.Description,
                PrimaryCategory = Text(product, "PrimaryCategory") ?? item.PrimaryCategory,
                Images = images ?? item.Images,
                Status = (sku is null ? null : Text(sku, "Status")) is { } status ? Activate(item, status) : item.Status,
            };
        });
        return [];
    }

    private static string Activate(LazadaSimulatorItem item, string status) =>
        item.Status == "suspended" ? throw new LazadaSimulatorError("500", "The product is suspended by Lazada",
            detail: [new(item.SellerSku, "Status", "suspended products cannot be activated", "4008")])
        : status is "active" or "inactive" ? status : throw new LazadaSimulatorError("InvalidParameter", $"Status '{status}' is not active or inactive");

    private static List<string> CheckImages(JsonObject product, string? sellerSku)
    {
        var images = (product["Images"]?["Image"] as JsonArray)?.Select(i => i?.ToString() ?? string.Empty).ToList() ?? [];
        if (images.Count is 0 or > 8)
        {
            throw new LazadaSimulatorError("500", "1 to 8 images are required", detail: [new(sellerSku, "Images", "1 to 8 images", "4139")]);
        }

        if (images.FirstOrDefault(i => !i.StartsWith(HostedImagePrefix, StringComparison.Ordinal)) is { } outer)
        {
            throw new LazadaSimulatorError("500", "Images must be hosted by Lazada",
                detail: [new(sellerSku, "Images", $"BIZ_CHECK_EXIST_OUTER_IMAGE: {outer}", "4158")]);
        }

        return images;
    }

    private static void CheckName(string name, string? sellerSku)
    {
        if (Encoding.UTF8.GetByteCount(name) > 255)
        {
            throw new LazadaSimulatorError("500", "The product name is too long",
                detail: [new(sellerSku, "name", "must not exceed 255 bytes", "4160")]);
        }
    }

    private static long Price(string? text, string? sellerSku) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var price) && price > 0 ? price
        : throw new LazadaSimulatorError("500", "The price is invalid",
            detail: [new(sellerSku, "price", $"BIZ_CHECK_PRICE_PRECISION_INVALID: '{text}' is not a whole positive number of VND", "4115")]);

    internal static string ShopSku(LazadaSimulatorItem item) => string.Create(CultureInfo.InvariantCulture, $"{item.ItemId}_VNAMZ-{item.SkuId}");

    internal static string? Text(JsonObject node, string name) => node[name] is JsonValue value ? value.ToString() : null;
}
