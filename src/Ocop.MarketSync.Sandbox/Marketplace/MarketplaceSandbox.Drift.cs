namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>
/// Changes made "in seller centre" or by the marketplace itself, bypassing the API, rules and counters: the drift
/// and orphans that reconciliation must find. Each bumps <c>updatedAt</c>, as a real edit would.
/// </summary>
public sealed partial class MarketplaceSandbox
{
    public void EditPrice(string remoteId, long priceVnd) => Edit(remoteId, item => item with { PriceVnd = priceVnd });

    public void EditStock(string remoteId, int stock) => Edit(remoteId, item => item with { Stock = stock });

    public void EditTitle(string remoteId, string title) => Edit(remoteId, item => item with { Title = title });

    public void SetActive(string remoteId, bool active) => Edit(remoteId, item => item with { Active = active });

    /// <summary>The marketplace bans the item: it stays listed in lookups, but every change to it is rejected.</summary>
    public void Ban(string remoteId) => Edit(remoteId, item => item with { Banned = true, Active = false });

    /// <summary>Any other edit of one item.</summary>
    /// <exception cref="KeyNotFoundException">No item <paramref name="remoteId"/>.</exception>
    public void Edit(string remoteId, Func<MarketplaceSandboxItem, MarketplaceSandboxItem> edit)
    {
        lock (_gate)
        {
            var sequence = _sequenceById.TryGetValue(remoteId, out var found) ? found
                : throw new KeyNotFoundException($"No sandbox marketplace item {remoteId}.");
            var item = _items[sequence];
            _items[sequence] = edit(item) with
            {
                RemoteId = item.RemoteId,
                SellerSku = item.SellerSku,
                Sequence = sequence,
                UpdatedAt = _time.GetUtcNow(),
            };
        }
    }

    /// <summary>Deletes the item, as a seller might in seller centre.</summary>
    public bool Delete(string remoteId)
    {
        lock (_gate)
        {
            if (!_sequenceById.Remove(remoteId, out var sequence))
            {
                return false;
            }

            var item = _items[sequence];
            _items.Remove(sequence);
            var sequences = _sequencesBySku[item.SellerSku];
            sequences.Remove(sequence);
            if (sequences.Count == 0)
            {
                _sequencesBySku.Remove(item.SellerSku);
            }

            return true;
        }
    }

    /// <summary>An item nobody synced: made by hand in seller centre (a SKU that exists already makes a duplicate).</summary>
    /// <returns>The new item's remote id.</returns>
    public string InsertOrphan(
        string sellerSku, string title = "Sản phẩm tạo tay", long priceVnd = 100_000, int stock = 10, bool active = true, string categoryId = "other")
    {
        lock (_gate)
        {
            return AddLocked(new MarketplaceSandboxItem
            {
                RemoteId = string.Empty,
                Url = string.Empty,
                SellerSku = sellerSku,
                Title = title,
                Description = string.Empty,
                CategoryId = categoryId,
                Images = [],
                Attributes = new Dictionary<string, string>(),
                PriceVnd = priceVnd,
                Stock = stock,
                Active = active,
            }).RemoteId;
        }
    }
}
