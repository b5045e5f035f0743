namespace Ocop.MarketSync.Sandbox.Lazada;

/// <summary>
/// Changes made in seller centre or by Lazada itself, bypassing the API: the drift and orphans reconciliation must
/// find. Each bumps the item's update time, as a real edit would.
/// </summary>
public sealed partial class LazadaSimulator
{
    public void EditPrice(long itemId, long price) => Edit(itemId, item => item with { Price = price });

    public void EditStock(long itemId, int quantity) => Edit(itemId, item => item with { Quantity = quantity });

    public void SetStatus(long itemId, bool active) => Edit(itemId, item => item with { Status = active ? "active" : "inactive" });

    /// <summary>Lazada suspends the item: it stays in listings, every change to it is refused.</summary>
    public void Ban(long itemId) => Edit(itemId, item => item with { Status = "suspended" });

    /// <summary>A mega campaign starts: the item's stock may go up but not down (4170).</summary>
    public void LockForCampaign(long itemId, bool locked = true) => Edit(itemId, item => item with { CampaignLocked = locked });

    /// <summary>Any other edit of one item; it keeps its ids and SKU.</summary>
    /// <exception cref="LazadaSimulatorError">No such item (code 4137, as the API answers).</exception>
    public void Edit(long itemId, Func<LazadaSimulatorItem, LazadaSimulatorItem> edit)
    {
        lock (_gate)
        {
            var item = _items.TryGetValue(itemId, out var found) ? found
                : throw new LazadaSimulatorError("4137", $"ITEM_NOT_FOUND: item {itemId} is not in this shop");
            _items[itemId] = edit(item) with
            {
                ItemId = item.ItemId,
                SkuId = item.SkuId,
                SellerSku = item.SellerSku,
                UpdatedAt = Time.GetUtcNow(),
            };
        }
    }

    /// <summary>Deletes the item, as a seller might in seller centre.</summary>
    public bool Delete(long itemId)
    {
        lock (_gate)
        {
            if (!_items.Remove(itemId, out var item))
            {
                return false;
            }

            _itemBySku.Remove(item.SellerSku);
            return true;
        }
    }

    /// <summary>An item nobody synced, made by hand in seller centre.</summary>
    /// <returns>The new item's id.</returns>
    public long InsertOrphan(string sellerSku, string name = "Sản phẩm tạo tay", long price = 100_000, int quantity = 10)
    {
        lock (_gate)
        {
            var now = Time.GetUtcNow();
            var itemId = _nextItemId++;
            _items[itemId] = new LazadaSimulatorItem
            {
                ItemId = itemId,
                SkuId = itemId * 10 + 7,
                SellerSku = sellerSku,
                Name = name,
                PrimaryCategory = "10000001",
                Price = price,
                Quantity = quantity,
                CreatedAt = now,
                UpdatedAt = now,
            };
            _itemBySku[sellerSku] = itemId;
            return itemId;
        }
    }
}
