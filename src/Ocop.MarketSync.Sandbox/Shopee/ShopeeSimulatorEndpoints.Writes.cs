using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Ocop.MarketSync.Sandbox.Shopee;

/// <summary>add_item, update_item, update_price, update_stock, unlist_item with Shopee's limits and partial failures.</summary>
public static partial class ShopeeSimulatorEndpoints
{
    private const int MaxModels = 50;
    private const int MaxUnlist = 50;

    private static async Task<IResult> AddItemAsync(HttpContext http, Caller caller, ShopeeSimulator simulator)
    {
        var body = await BodyAsync(http);
        if (body is null)
        {
            return Fail(caller, "error_param", "The body is not JSON.", 400);
        }

        var problem = Required(body, "item_name", "description", "original_price", "weight", "category_id", "image", "logistic_info", "seller_stock")
            ?? ContentProblem(body, simulator)
            ?? (WholeNumber(body["original_price"]) is not > 0 ? "original_price must be a whole number of VND above 0" : null)
            ?? ((body["logistic_info"] as JsonArray)?.Any(l => l?["enabled"]?.GetValue<bool>() == true) != true ? "logistic_info needs one enabled channel" : null);
        if (problem is not null)
        {
            return Fail(caller, "error_param", problem, 400);
        }

        var item = simulator.Add(caller.ShopId, body, ImageIds(body));
        return Ok(caller, new { item_id = item.ItemId, item_name = item.ItemName, item_status = item.ItemStatus });
    }

    private static async Task<IResult> UpdateItemAsync(HttpContext http, Caller caller, ShopeeSimulator simulator)
    {
        var body = await BodyAsync(http);
        if (body?["item_id"]?.GetValue<long>() is not { } itemId)
        {
            return Fail(caller, "error_param", "item_id is required.", 400);
        }

        if (simulator.Find(caller.ShopId, itemId) is not { } item)
        {
            return Fail(caller, "error_item_not_found", "Item not found.");
        }

        if (item.ItemStatus == "BANNED")
        {
            return Fail(caller, "error_item_uneditable", "The item is banned and cannot be edited.");
        }

        if (ContentProblem(body, simulator) is { } problem)
        {
            return Fail(caller, "error_param", problem, 400);
        }

        simulator.Change(itemId, i => i with
        {
            ItemName = body["item_name"]?.GetValue<string>() ?? i.ItemName,
            Description = body["description"]?.GetValue<string>() ?? i.Description,
            ItemSku = body["item_sku"]?.GetValue<string>() ?? i.ItemSku,
            CategoryId = body["category_id"]?.GetValue<long>() ?? i.CategoryId,
            Weight = body["weight"]?.GetValue<decimal>() ?? i.Weight,
            ImageIds = body["image"] is null ? i.ImageIds : ImageIds(body),
            Attributes = body["attribute_list"] is null ? i.Attributes : ShopeeSimulator.AttributesOf(body),
        });
        return Ok(caller, new { item_id = itemId });
    }

    private static async Task<IResult> UpdatePriceAsync(HttpContext http, Caller caller, ShopeeSimulator simulator) =>
        await ModelsAsync(http, caller, simulator, "price_list", (item, model) =>
        {
            if (item.PriceLocked)
            {
                return "error_cannot_update_price_in_promotion";
            }

            var price = WholeNumber(model["original_price"]);
            if (price is not > 0)
            {
                return "Invalid price: original_price must be a whole number of VND above 0.";
            }

            simulator.Change(item.ItemId, i => i with { OriginalPrice = price!.Value });
            return null;
        });

    private static async Task<IResult> UpdateStockAsync(HttpContext http, Caller caller, ShopeeSimulator simulator) =>
        await ModelsAsync(http, caller, simulator, "stock_list", (item, model) =>
        {
            var stock = WholeNumber(model["seller_stock"]?[0]?["stock"]);
            if (stock is not >= 0)
            {
                return "seller_stock[0].stock must be a whole number, 0 or more.";
            }

            if (stock < item.ReservedStock)
            {
                return "Stock should be larger than reserved stock.";
            }

            simulator.Change(item.ItemId, i => i with { SellerStock = (int)stock!.Value });
            return null;
        });

    /// <summary>One item, 1–50 models; each model succeeds or lands in failure_list with its reason.</summary>
    private static async Task<IResult> ModelsAsync(
        HttpContext http, Caller caller, ShopeeSimulator simulator, string listName, Func<ShopeeSimulatorItem, JsonObject, string?> apply)
    {
        var body = await BodyAsync(http);
        if (body?["item_id"]?.GetValue<long>() is not { } itemId || body[listName] is not JsonArray { Count: > 0 } models)
        {
            return Fail(caller, "error_param", $"item_id and a non-empty {listName} are required.", 400);
        }

        if (models.Count > MaxModels)
        {
            return Fail(caller, "error_param", $"{listName} takes at most {MaxModels} models.", 400);
        }

        if (simulator.Find(caller.ShopId, itemId) is not { } item)
        {
            return Fail(caller, "error_item_not_found", "Item not found.");
        }

        var successes = new List<object>();
        var failures = new List<object>();
        foreach (var model in models.OfType<JsonObject>())
        {
            var modelId = model["model_id"]?.GetValue<long>() ?? -1;
            var failure = modelId != 0 ? "Model not found: this item has no variations, use model_id 0."
                : item.ItemStatus == "BANNED" ? "Item is banned."
                : apply(simulator.Find(caller.ShopId, itemId)!, model);
            if (failure is not null && failure.StartsWith("error_", StringComparison.Ordinal))
            {
                return Fail(caller, failure, "The item is in an ongoing promotion; its price is locked.");
            }

            if (failure is null)
            {
                successes.Add(new { model_id = modelId });
            }
            else
            {
                failures.Add(new { model_id = modelId, failed_reason = failure });
            }
        }

        return Ok(caller, new { success_list = successes, failure_list = failures });
    }

    private static async Task<IResult> UnlistAsync(HttpContext http, Caller caller, ShopeeSimulator simulator)
    {
        var body = await BodyAsync(http);
        if (body?["item_list"] is not JsonArray { Count: > 0 } list)
        {
            return Fail(caller, "error_param", "item_list is required.", 400);
        }

        if (list.Count > MaxUnlist)
        {
            return Fail(caller, "error_param", $"item_list takes at most {MaxUnlist} items.", 400);
        }

        var successes = new List<object>();
        var failures = new List<object>();
        foreach (var entry in list.OfType<JsonObject>())
        {
            var itemId = entry["item_id"]?.GetValue<long>() ?? 0;
            var unlist = entry["unlist"]?.GetValue<bool>() ?? true;
            var item = simulator.Find(caller.ShopId, itemId);
            var failure = item is null ? "Item not found." : item.ItemStatus == "BANNED" ? "Item is banned." : null;
            if (failure is null)
            {
                simulator.Change(itemId, i => i with { ItemStatus = unlist ? "UNLIST" : "NORMAL" });
                successes.Add(new { item_id = itemId, unlist });
            }
            else
            {
                failures.Add(new { item_id = itemId, failed_reason = failure });
            }
        }

        return Ok(caller, new { success_list = successes, failure_list = failures });
    }

    private static string? Required(JsonObject body, params string[] names) =>
        names.FirstOrDefault(n => body[n] is null) is { } missing ? $"{missing} is required." : null;

    private static string? ContentProblem(JsonObject body, ShopeeSimulator simulator)
    {
        if (body["item_name"]?.GetValue<string>() is { } name && (name.Length == 0 || name.Length > simulator.Options.MaxTitleChars))
        {
            return $"item_name must have 1 to {simulator.Options.MaxTitleChars} characters.";
        }

        if (body["weight"] is { } weight && weight.GetValue<decimal>() <= 0)
        {
            return "weight must be above 0 kg.";
        }

        return body["image"] is not null && (ImageIds(body) is not { Count: > 0 } ids || !ids.All(simulator.HasImage))
            ? "image.image_id_list must name uploaded images." : null;
    }

    private static List<string> ImageIds(JsonObject body) =>
        [.. (body["image"]?["image_id_list"] as JsonArray ?? []).Select(n => n?.GetValue<string>() ?? string.Empty)];

    /// <summary>VN prices and stock are whole numbers: 185000.5 is refused, as Shopee VN does.</summary>
    private static long? WholeNumber(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<decimal>(out var number) && number == decimal.Truncate(number) ? (long)number : null;
}
