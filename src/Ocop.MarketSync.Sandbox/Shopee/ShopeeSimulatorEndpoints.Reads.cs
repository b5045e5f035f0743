using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Ocop.MarketSync.Sandbox.Shopee;

/// <summary>get_item_list (offset capped, update_time windows), get_item_base_info (≤ 50 ids), search_item (by SKU).</summary>
public static partial class ShopeeSimulatorEndpoints
{
    private const int MaxListPageSize = 100;
    private const int MaxBaseInfoIds = 50;

    private static IResult ItemList(HttpContext http, Caller caller, ShopeeSimulator simulator)
    {
        var query = http.Request.Query;
        var options = simulator.Options;
        var statuses = query["item_status"].Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToHashSet(StringComparer.Ordinal);
        if (statuses.Count == 0)
        {
            return Fail(caller, "error_param", "item_status is required.", 400);
        }

        if (!Int(query["offset"], out var offset) || offset < 0 || !Int(query["page_size"], out var pageSize) || pageSize is < 1 or > MaxListPageSize)
        {
            return Fail(caller, "error_param", $"offset must be 0 or more and page_size from 1 to {MaxListPageSize}.", 400);
        }

        if (offset >= options.MaxListOffset)
        {
            return Fail(caller, "error_param", "offset over limit, please narrow update_time_from and update_time_to.", 400);
        }

        long? from = null, to = null;
        var hasFrom = query.ContainsKey("update_time_from");
        if (hasFrom != query.ContainsKey("update_time_to"))
        {
            return Fail(caller, "error_param", "update_time_from and update_time_to go together.", 400);
        }

        if (hasFrom)
        {
            if (!long.TryParse(query["update_time_from"], NumberStyles.None, CultureInfo.InvariantCulture, out var f)
                || !long.TryParse(query["update_time_to"], NumberStyles.None, CultureInfo.InvariantCulture, out var t) || t < f)
            {
                return Fail(caller, "error_param", "update_time_from/to must be unix seconds, from ≤ to.", 400);
            }

            if (t - f > options.MaxListWindow.TotalSeconds)
            {
                return Fail(caller, "error_param", "The range of update_time_from and update_time_to is too large.", 400);
            }

            (from, to) = (f, t);
        }

        var items = simulator.List(caller.ShopId, statuses, from, to);
        var page = items.Skip(offset).Take(pageSize).ToList();
        var next = offset + page.Count;
        return Ok(caller, new
        {
            item = page.Select(i => new { item_id = i.ItemId, item_status = i.ItemStatus, update_time = i.UpdateTime.ToUnixTimeSeconds() }),
            total_count = items.Count,
            has_next_page = next < items.Count,
            next_offset = next,
        });
    }

    private static IResult BaseInfo(HttpContext http, Caller caller, ShopeeSimulator simulator)
    {
        var text = http.Request.Query["item_id_list"].ToString();
        var ids = new List<long>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return Fail(caller, "error_param", $"item_id_list has '{part}', not an item id.", 400);
            }

            ids.Add(id);
        }

        if (ids.Count is 0 or > MaxBaseInfoIds)
        {
            return Fail(caller, "error_param", $"item_id_list takes 1 to {MaxBaseInfoIds} ids.", 400);
        }

        // Deleted items are still described, with their status; unknown ids are left out.
        var known = simulator.Items.Where(i => i.ShopId == caller.ShopId).ToDictionary(i => i.ItemId);
        return Ok(caller, new
        {
            item_list = ids.Where(known.ContainsKey).Select(id => known[id]).Select(i => new
            {
                item_id = i.ItemId,
                category_id = i.CategoryId,
                item_name = i.ItemName,
                item_sku = i.ItemSku,
                item_status = i.ItemStatus,
                update_time = i.UpdateTime.ToUnixTimeSeconds(),
                has_model = false,
                weight = i.Weight.ToString(CultureInfo.InvariantCulture),
                image = new { image_id_list = i.ImageIds },
                price_info = new[] { new { currency = "VND", original_price = i.OriginalPrice, current_price = i.OriginalPrice } },
                stock_info_v2 = new
                {
                    summary_info = new { total_reserved_stock = i.ReservedStock, total_available_stock = Math.Max(0, i.SellerStock - i.ReservedStock) },
                    seller_stock = new[] { new { stock = i.SellerStock } },
                },
            }),
        });
    }

    private static IResult Search(HttpContext http, Caller caller, ShopeeSimulator simulator)
    {
        var query = http.Request.Query;
        if (query["item_sku"].ToString() is not { Length: > 0 } sku)
        {
            return Fail(caller, "error_param", "item_sku or item_name is required.", 400);
        }

        var offsetText = query["offset"].ToString();
        var offset = 0;
        if ((offsetText.Length > 0 && !Int(offsetText, out offset)) || !Int(query["page_size"], out var pageSize) || pageSize is < 1 or > 100)
        {
            return Fail(caller, "error_param", "offset must be empty or a number, page_size from 1 to 100.", 400);
        }

        var ids = simulator.SearchBySku(caller.ShopId, sku);
        var page = ids.Skip(offset).Take(pageSize).ToList();
        var next = offset + page.Count;
        return Ok(caller, new
        {
            item_id_list = page,
            total_count = ids.Count,
            next_offset = next < ids.Count ? next.ToString(CultureInfo.InvariantCulture) : "",
        });
    }

    private static bool Int(string? text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
