using System.Globalization;
using System.Text.Json.Nodes;
using static Ocop.MarketSync.Sandbox.TikTokShop.TikTokShopSimulatorAnswer;

namespace Ocop.MarketSync.Sandbox.TikTokShop;

/// <summary>The product writes, with the rules TikTok applies (title 25–255 characters, VND 1–180,000,000, stock 0–99,999, uploaded images only).</summary>
public sealed partial class TikTokShopSimulator
{
    internal TikTokShopSimulatorAnswer Create(JsonNode body)
    {
        var (draft, invalid) = ReadListing(body, null);
        if (invalid is not null)
        {
            return Invalid(invalid);
        }

        if (body["skus"] is not JsonArray { Count: 1 } skus || skus[0] is not JsonObject sku)
        {
            return Invalid("skus must hold exactly one SKU (the simulator lists one SKU per product)");
        }

        var sellerSku = sku["seller_sku"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(sellerSku))
        {
            return Invalid("skus[0].seller_sku is required");
        }

        var price = ReadPrice(sku["price"], out var priceError);
        var stock = ReadInventory(sku["inventory"], out var stockError);
        if ((priceError ?? stockError) is { } skuError)
        {
            return Invalid(skuError);
        }

        var status = body["save_mode"]?.GetValue<string>() == "AS_DRAFT" ? "DRAFT" : "ACTIVATE";
        lock (_gate)
        {
            var product = AddLocked(draft! with { SellerSku = sellerSku, PriceVnd = price, Stock = stock, Status = status });
            return Ok(new { product_id = product.Id, skus = new[] { new { id = product.SkuId, seller_sku = product.SellerSku } }, warnings = Array.Empty<object>() });
        }
    }

    internal TikTokShopSimulatorAnswer PartialEdit(string productId, JsonNode body)
    {
        var current = Get(productId);
        if (Unchangeable(current, productId) is { } refused)
        {
            return refused;
        }

        var (edited, invalid) = ReadListing(body, current);
        return invalid is not null ? Invalid(invalid) : Change(productId, _ => edited!, p => new { product_id = p.Id, skus = new[] { new { id = p.SkuId, seller_sku = p.SellerSku } } });
    }

    internal TikTokShopSimulatorAnswer UpdatePrice(string productId, JsonNode body)
    {
        var current = Get(productId);
        if ((Unchangeable(current, productId) ?? WrongSku(current!, body)) is { } refused)
        {
            return refused;
        }

        var price = ReadPrice(body["skus"]![0]!["price"], out var invalid);
        if (invalid is not null)
        {
            return Invalid(invalid);
        }

        return current!.PriceLocked
            ? Fail(TikTokShopSimulatorCodes.PriceLocked, "The price of this SKU is locked by an ongoing promotion")
            : Change(productId, p => p with { PriceVnd = price }, _ => null);
    }

    internal TikTokShopSimulatorAnswer UpdateInventory(string productId, JsonNode body)
    {
        var current = Get(productId);
        if ((Unchangeable(current, productId) ?? WrongSku(current!, body)) is { } refused)
        {
            return refused;
        }

        var stock = ReadInventory(body["skus"]![0]!["inventory"], out var invalid);
        return invalid is not null ? Invalid(invalid) : Change(productId, p => p with { Stock = stock }, _ => null);
    }

    internal TikTokShopSimulatorAnswer SetStatus(JsonNode body, bool active)
    {
        if (body["product_ids"] is not JsonArray { Count: > 0 } ids)
        {
            return Invalid("product_ids is required");
        }

        if (ids.Count > Options.MaxStatusBatch)
        {
            return Fail(TikTokShopSimulatorCodes.TooManyProductIds,
                string.Create(CultureInfo.InvariantCulture, $"too many product ids: {ids.Count}, at most {Options.MaxStatusBatch}"));
        }

        var errors = new List<object>();
        lock (_gate)
        {
            foreach (var id in ids.Select(n => n?.GetValue<string>() ?? string.Empty))
            {
                var product = _sequenceById.TryGetValue(id, out var sequence) ? _products[sequence] : null;
                var failure = product is null || product.Status == "DELETED" ? (TikTokShopSimulatorCodes.ProductNotFound, "product does not exist")
                    : product.Status is "PLATFORM_DEACTIVATED" or "FREEZE" ? (TikTokShopSimulatorCodes.ProductFrozen, "product is frozen by the platform")
                    : ((long, string)?)null;
                if (failure is { } f)
                {
                    errors.Add(new { code = f.Item1, message = f.Item2, detail = new { product_id = id } });
                    continue;
                }

                ChangeLocked(id, p => p with { Status = active ? "ACTIVATE" : "SELLER_DEACTIVATED" });
            }
        }

        return Ok(new { errors });
    }

    private static TikTokShopSimulatorAnswer? Unchangeable(TikTokShopSimulatorProduct? product, string productId) =>
        product is null || product.Status == "DELETED" ? Fail(TikTokShopSimulatorCodes.ProductNotFound, $"product {productId} does not exist", 404)
        : product.Status is "PLATFORM_DEACTIVATED" or "FREEZE" ? Fail(TikTokShopSimulatorCodes.ProductFrozen, $"product {productId} is frozen by the platform")
        : null;

    private static TikTokShopSimulatorAnswer? WrongSku(TikTokShopSimulatorProduct product, JsonNode body) =>
        body["skus"] is JsonArray { Count: 1 } skus && skus[0]?["id"]?.GetValue<string>() == product.SkuId ? null
            : Fail(TikTokShopSimulatorCodes.InvalidSkuId, "sku id is invalid or does not belong to the product");

    private TikTokShopSimulatorAnswer Change(
        string productId, Func<TikTokShopSimulatorProduct, TikTokShopSimulatorProduct> change, Func<TikTokShopSimulatorProduct, object?> data)
    {
        lock (_gate)
        {
            return ChangeLocked(productId, change) is { } changed ? Ok(data(changed))
                : Fail(TikTokShopSimulatorCodes.ProductNotFound, $"product {productId} does not exist", 404);
        }
    }

    /// <summary>The content fields of a create (all required) or a partial edit (omitted fields keep <paramref name="current"/>).</summary>
    private (TikTokShopSimulatorProduct? Product, string? Invalid) ReadListing(JsonNode body, TikTokShopSimulatorProduct? current)
    {
        var title = body["title"]?.GetValue<string>() ?? current?.Title;
        if (title is null || title.Length is < 25 or > 255)
        {
            return (null, $"title must be 25–255 characters (got {title?.Length ?? 0})");
        }

        var description = body["description"]?.GetValue<string>() ?? current?.Description ?? string.Empty;
        var category = current?.CategoryId ?? body["category_id"]?.GetValue<string>();
        var images = body["main_images"] is JsonArray array ? array.Select(i => i?["uri"]?.GetValue<string>() ?? string.Empty).ToList() : current?.ImageUris.ToList();
        var weight = body["package_weight"]?["value"]?.GetValue<string>() ?? current?.WeightKg;
        var attributes = body["product_attributes"] is JsonArray attributeArray
            ? attributeArray.ToDictionary(a => a?["id"]?.GetValue<string>() ?? string.Empty, a => a?["values"]?[0]?["name"]?.GetValue<string>() ?? string.Empty)
            : current?.Attributes;
        var invalid = description.Length > 10_000 ? "description is longer than 10000 characters"
            : string.IsNullOrEmpty(category) ? "category_id is required"
            : images is not { Count: >= 1 and <= 9 } ? "main_images must hold 1–9 images"
            : images.FirstOrDefault(uri => !HasImage(uri)) is { } unknown ? $"main image '{unknown}' was not uploaded"
            : !decimal.TryParse(weight, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var kg) || kg <= 0 ? "package_weight.value must be a positive number"
            : null;
        return invalid is not null ? (null, invalid) : (new TikTokShopSimulatorProduct
        {
            Id = current?.Id ?? string.Empty,
            SkuId = current?.SkuId ?? string.Empty,
            SellerSku = current?.SellerSku ?? string.Empty,
            Title = title,
            Description = description,
            CategoryId = category!,
            BrandId = body["brand_id"]?.GetValue<string>() ?? current?.BrandId,
            ImageUris = images!,
            WeightKg = weight!,
            Attributes = attributes ?? new Dictionary<string, string>(),
            PriceVnd = current?.PriceVnd ?? 0,
            Stock = current?.Stock ?? 0,
            Status = current?.Status ?? "ACTIVATE",
            PriceLocked = current?.PriceLocked ?? false,
        }, null);
    }

    private static long ReadPrice(JsonNode? price, out string? invalid)
    {
        var amount = price?["amount"]?.GetValue<string>();
        var whole = long.TryParse(amount, NumberStyles.None, CultureInfo.InvariantCulture, out var vnd);
        invalid = price?["currency"]?.GetValue<string>() != "VND" ? "price.currency must be VND"
            : !whole || vnd is < 1 or > 180_000_000 ? $"price.amount must be whole đồng from 1 to 180000000 (got '{amount}')"
            : null;
        return invalid is null ? vnd : 0;
    }

    private int ReadInventory(JsonNode? inventory, out string? invalid)
    {
        var entry = inventory is JsonArray { Count: 1 } list ? list[0] : null;
        var quantity = entry?["quantity"]?.GetValue<int>() ?? -1;
        invalid = entry?["warehouse_id"]?.GetValue<string>() != Options.WarehouseId ? $"inventory must name warehouse {Options.WarehouseId}"
            : quantity is < 0 or > 99_999 ? string.Create(CultureInfo.InvariantCulture, $"inventory quantity must be 0–99999 (got {quantity})")
            : null;
        return quantity;
    }
}
