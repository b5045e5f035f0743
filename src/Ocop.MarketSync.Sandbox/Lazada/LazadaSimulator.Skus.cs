using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Ocop.MarketSync.Sandbox.Lazada;

/// <summary>Multi-SKU price and stock updates (XML payloads), deactivation, and <c>/products/get</c>.</summary>
public sealed partial class LazadaSimulator
{
    /// <summary>
    /// <c>/product/price_quantity/update</c> and <c>/product/stock/sellable/update</c>: the SKUs that pass are applied,
    /// the others come back in <c>detail</c> under code 500.
    /// </summary>
    internal JsonObject UpdateSkus(string payload, bool sellable)
    {
        var skus = LazadaSimulatorPayload.Xml(payload).Element("Product")?.Element("Skus")?.Elements("Sku").ToList() ?? [];
        if (skus.Count == 0)
        {
            throw new LazadaSimulatorError("MissingParameter", "Request/Product/Skus/Sku is required");
        }

        if (skus.Count > Options.MaxSkusPerCall)
        {
            throw new LazadaSimulatorError("204", string.Create(CultureInfo.InvariantCulture,
                $"Too many SKUs in one request: {skus.Count}, at most {Options.MaxSkusPerCall}"));
        }

        var failed = new List<LazadaSimulatorDetail>();
        foreach (var sku in skus)
        {
            var sellerSku = sku.Element("SellerSku")?.Value;
            try
            {
                ApplySku(sku, sellable);
            }
            catch (LazadaSimulatorError error)
            {
                failed.Add(new(sellerSku, "SkuId", error.Message, error.Code));
            }
        }

        return failed.Count == 0 ? [] : throw new LazadaSimulatorError("500", "Some SKUs could not be updated", detail: failed);
    }

    /// <summary><c>/product/deactivate</c>: E0004 when the item is inactive already.</summary>
    internal JsonObject Deactivate(string apiRequestBody)
    {
        var product = LazadaSimulatorPayload.Xml(apiRequestBody).Element("Product");
        var itemId = Long(product?.Element("ItemId")) ?? throw new LazadaSimulatorError("MissingParameter", "ItemId is required");
        if (product!.Element("Skus")?.Elements("Sku").Any(s => s.Element("SkuId") is null) == true)
        {
            throw new LazadaSimulatorError("4193", "SKUs must be given by SkuId; SellerSku is no longer accepted");
        }

        Edit(itemId, item => item.Status == "inactive" ? throw new LazadaSimulatorError("E0004", "The product is already inactive")
            : item with { Status = "inactive" });
        return [];
    }

    internal JsonObject GetProducts(IReadOnlyDictionary<string, string> query)
    {
        var limit = Int(query, "limit") ?? 10;
        var offset = Int(query, "offset") ?? 0;
        if (limit is < 1 || limit > Options.MaxPageSize || offset < 0 || offset > Options.MaxOffset)
        {
            throw new LazadaSimulatorError("InvalidParameter", string.Create(CultureInfo.InvariantCulture,
                $"limit must be 1–{Options.MaxPageSize} and offset 0–{Options.MaxOffset} (got {limit}, {offset})"));
        }

        var after = Instant(query, "update_after");
        var before = Instant(query, "update_before");
        HashSet<string>? skus = null;
        if (query.TryGetValue("sku_seller_list", out var list))
        {
            try
            {
                skus = JsonSerializer.Deserialize<HashSet<string>>(list) ?? [];
            }
            catch (JsonException)
            {
                throw new LazadaSimulatorError("InvalidParameter", "sku_seller_list must be a JSON array of strings");
            }

            if (skus.Count > 100)
            {
                throw new LazadaSimulatorError("InvalidParameter", "sku_seller_list takes at most 100 SKUs");
            }
        }

        var filter = query.GetValueOrDefault("filter", "all");
        lock (_gate)
        {
            var matching = _items.Values.Where(i =>
                (after is null || i.UpdatedAt >= after) && (before is null || i.UpdatedAt <= before)
                && (skus is null || skus.Contains(i.SellerSku))
                && filter switch { "live" => i.Status == "active", "inactive" => i.Status == "inactive", _ => true }).ToList();
            return new JsonObject
            {
                ["total_products"] = matching.Count,
                ["products"] = new JsonArray([.. matching.Skip(offset).Take(limit).Select(ToWire)]),
            };
        }
    }

    private void ApplySku(XElement sku, bool sellable)
    {
        var itemId = Long(sku.Element("ItemId")) ?? throw new LazadaSimulatorError("MissingParameter", "ItemId is required");
        var skuId = Long(sku.Element("SkuId"));
        var price = sku.Element("Price") is { } p ? Price(p.Value, sku.Element("SellerSku")?.Value) : (long?)null;
        var quantity = Int(sku.Element(sellable ? "SellableQuantity" : "Quantity"));
        Edit(itemId, item =>
        {
            if (skuId != item.SkuId)
            {
                throw new LazadaSimulatorError("4137", $"SKU {skuId} is not a SKU of item {itemId}");
            }

            if (item.Status == "suspended")
            {
                throw new LazadaSimulatorError("4008", "The product is suspended by Lazada");
            }

            if (quantity < 0)
            {
                throw new LazadaSimulatorError("212", "INV_NEGATIVE_SELLABLE: sellable stock cannot be negative");
            }

            if (quantity < item.Quantity && item.CampaignLocked)
            {
                throw new LazadaSimulatorError("4170", "Stock cannot be decreased during the campaign");
            }

            return item with { Price = price ?? item.Price, Quantity = quantity ?? item.Quantity };
        });
    }

    private static JsonObject ToWire(LazadaSimulatorItem item) => new()
    {
        ["item_id"] = item.ItemId,
        ["primary_category"] = item.PrimaryCategory,
        ["status"] = item.Status,
        ["created_time"] = item.CreatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        ["updated_time"] = item.UpdatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        ["images"] = new JsonArray([.. item.Images.Select(i => (JsonNode)JsonValue.Create(i))]),
        ["attributes"] = new JsonObject { ["name"] = item.Name, ["description"] = item.Description },
        ["skus"] = new JsonArray(new JsonObject
        {
            ["SkuId"] = item.SkuId,
            ["SellerSku"] = item.SellerSku,
            ["ShopSku"] = ShopSku(item),
            ["Url"] = string.Create(CultureInfo.InvariantCulture, $"https://www.lazada.vn/products/i{item.ItemId}-s{item.SkuId}.html"),
            ["price"] = (double)item.Price,
            ["special_price"] = item.SpecialPrice is { } special ? (double)special : 0,
            ["quantity"] = item.Quantity,
            ["Available"] = item.Quantity,
            ["Status"] = item.Status == "active" ? "active" : "inactive",
        }),
    };

    private static long? Long(XElement? element) =>
        element is null ? null : long.TryParse(element.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw new LazadaSimulatorError("InvalidParameter", $"{element.Name} must be a whole number");

    private static int? Int(XElement? element) =>
        element is null ? null : int.TryParse(element.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value
        : throw new LazadaSimulatorError("InvalidParameter", $"{element.Name} must be a whole number");

    private static int? Int(IReadOnlyDictionary<string, string> query, string name) =>
        !query.TryGetValue(name, out var text) ? null
        : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value
        : throw new LazadaSimulatorError("InvalidParameter", $"{name} must be a whole number");

    private static DateTimeOffset? Instant(IReadOnlyDictionary<string, string> query, string name) =>
        !query.TryGetValue(name, out var text) ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value
        : throw new LazadaSimulatorError("InvalidParameter", $"{name} must be ISO-8601 with an offset (got '{text}')");
}
