using System.Globalization;
using System.Text.Json.Nodes;

namespace Ocop.MarketSync.Sandbox.Shopee;

/// <summary>
/// A stateful Shopee Open Platform v2 shop: items by id and seller SKU with their update time, uploaded images,
/// authorisation codes and tokens. It only answers; it never calls out. Served by
/// <see cref="ShopeeSimulatorEndpoints.MapShopeeSimulator"/>; the drift helpers change it behind the API's back.
/// </summary>
public sealed partial class ShopeeSimulator(ShopeeSimulatorOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, ShopeeSimulatorItem> _items = [];
    private readonly HashSet<string> _images = new(StringComparer.Ordinal);
    private long _nextItemId = 800_000_000;
    private int _nextImage;

    public ShopeeSimulator(ShopeeSimulatorOptions options)
        : this(options, TimeProvider.System)
    {
    }

    public ShopeeSimulatorOptions Options => options;

    internal TimeProvider Time => time;

    /// <summary>Every item, deleted ones included, for assertions.</summary>
    public IReadOnlyList<ShopeeSimulatorItem> Items
    {
        get
        {
            lock (_gate)
            {
                return [.. _items.Values.OrderBy(i => i.ItemId)];
            }
        }
    }

    /// <summary>How many add_item calls created an item.</summary>
    public int ItemsCreated { get; private set; }

    internal string StoreImage()
    {
        lock (_gate)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"vn-11134207-sim{++_nextImage:D6}");
            _images.Add(id);
            return id;
        }
    }

    internal bool HasImage(string imageId)
    {
        lock (_gate)
        {
            return _images.Contains(imageId);
        }
    }

    internal ShopeeSimulatorItem Add(long shopId, JsonObject body, IReadOnlyList<string> imageIds)
    {
        lock (_gate)
        {
            var item = new ShopeeSimulatorItem
            {
                ItemId = ++_nextItemId,
                ShopId = shopId,
                ItemSku = body["item_sku"]?.GetValue<string>() ?? string.Empty,
                ItemName = body["item_name"]!.GetValue<string>(),
                Description = body["description"]?.GetValue<string>() ?? string.Empty,
                CategoryId = body["category_id"]!.GetValue<long>(),
                OriginalPrice = body["original_price"]!.GetValue<long>(),
                SellerStock = body["seller_stock"]?[0]?["stock"]?.GetValue<int>() ?? 0,
                ItemStatus = body["item_status"]?.GetValue<string>() == "UNLIST" ? "UNLIST" : "NORMAL",
                ImageIds = imageIds,
                Weight = body["weight"]!.GetValue<decimal>(),
                Attributes = AttributesOf(body),
                UpdateTime = time.GetUtcNow(),
            };
            _items[item.ItemId] = item;
            ItemsCreated++;
            return item;
        }
    }

    /// <summary>The item of this shop, unless deleted.</summary>
    internal ShopeeSimulatorItem? Find(long shopId, long itemId)
    {
        lock (_gate)
        {
            return _items.TryGetValue(itemId, out var item) && item.ShopId == shopId && !IsDeleted(item) ? item : null;
        }
    }

    /// <summary>Applies a change and bumps update_time, as any edit on Shopee does.</summary>
    internal ShopeeSimulatorItem Change(long itemId, Func<ShopeeSimulatorItem, ShopeeSimulatorItem> change)
    {
        lock (_gate)
        {
            var item = _items.TryGetValue(itemId, out var found) ? found : throw new KeyNotFoundException($"No Shopee simulator item {itemId}.");
            var changed = change(item) with { ItemId = item.ItemId, ShopId = item.ShopId, UpdateTime = time.GetUtcNow() };
            _items[itemId] = changed;
            return changed;
        }
    }

    /// <summary>search_item: like Shopee, the SKU match is loose (contains), so callers must filter exact SKUs.</summary>
    internal IReadOnlyList<long> SearchBySku(long shopId, string sku)
    {
        lock (_gate)
        {
            return [.. _items.Values
                .Where(i => i.ShopId == shopId && !IsDeleted(i) && i.ItemSku.Contains(sku, StringComparison.Ordinal))
                .OrderBy(i => i.ItemId).Select(i => i.ItemId)];
        }
    }

    /// <summary>get_item_list: items of the statuses, updated within the range, oldest update first.</summary>
    internal IReadOnlyList<ShopeeSimulatorItem> List(long shopId, IReadOnlyCollection<string> statuses, long? from, long? to)
    {
        lock (_gate)
        {
            return [.. _items.Values
                .Where(i => i.ShopId == shopId && statuses.Contains(i.ItemStatus))
                .Where(i => from is null || (i.UpdateTime.ToUnixTimeSeconds() >= from && i.UpdateTime.ToUnixTimeSeconds() <= to))
                .OrderBy(i => i.UpdateTime).ThenBy(i => i.ItemId)];
        }
    }

    internal static Dictionary<long, string> AttributesOf(JsonObject body) =>
        (body["attribute_list"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(a => a["attribute_id"] is not null)
            .ToDictionary(
                a => a["attribute_id"]!.GetValue<long>(),
                a => a["attribute_value_list"]?[0]?["original_value_name"]?.GetValue<string>() ?? string.Empty);

    private static bool IsDeleted(ShopeeSimulatorItem item) => item.ItemStatus is "SELLER_DELETE" or "SHOPEE_DELETE";
}
