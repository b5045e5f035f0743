namespace Ocop.MarketSync.Sandbox.Shopee;

/// <summary>
/// Changes made in Seller Centre or by Shopee itself, bypassing the API: the drift and orphans reconciliation must
/// find. Each bumps update_time, as a real edit would.
/// </summary>
public sealed partial class ShopeeSimulator
{
    public void EditPrice(long itemId, long price) => Change(itemId, i => i with { OriginalPrice = price });

    public void EditStock(long itemId, int stock) => Change(itemId, i => i with { SellerStock = stock });

    /// <summary>Orders or a promotion hold this many units: update_stock below it fails for the item.</summary>
    public void SetReservedStock(long itemId, int reserved) => Change(itemId, i => i with { ReservedStock = reserved });

    /// <summary>A promotion starts: update_price is refused until <see cref="UnlockPrice"/>.</summary>
    public void LockPrice(long itemId) => Change(itemId, i => i with { PriceLocked = true });

    public void UnlockPrice(long itemId) => Change(itemId, i => i with { PriceLocked = false });

    /// <summary>Shopee bans the item: it is still listed, but every change to it is refused.</summary>
    public void Ban(long itemId) => Change(itemId, i => i with { ItemStatus = "BANNED" });

    /// <summary>The seller deletes the item in Seller Centre: lookups no longer find it.</summary>
    public void Delete(long itemId) => Change(itemId, i => i with { ItemStatus = "SELLER_DELETE" });

    /// <summary>Moves an item's update_time, e.g. into an old reconciliation window.</summary>
    public void SetUpdateTime(long itemId, DateTimeOffset updateTime)
    {
        lock (_gate)
        {
            _items[itemId] = _items[itemId] with { UpdateTime = updateTime };
        }
    }

    /// <summary>An item nobody synced, made by hand in Seller Centre (a SKU that exists already makes a duplicate).</summary>
    /// <returns>The new item's id.</returns>
    public long InsertOrphan(long shopId, string itemSku, string itemName = "Sản phẩm tạo tay", long price = 100_000, int stock = 10)
    {
        lock (_gate)
        {
            var item = new ShopeeSimulatorItem
            {
                ItemId = ++_nextItemId,
                ShopId = shopId,
                ItemSku = itemSku,
                ItemName = itemName,
                Description = string.Empty,
                CategoryId = 100629,
                OriginalPrice = price,
                SellerStock = stock,
                ItemStatus = "NORMAL",
                UpdateTime = time.GetUtcNow(),
            };
            _items[item.ItemId] = item;
            return item.ItemId;
        }
    }
}
