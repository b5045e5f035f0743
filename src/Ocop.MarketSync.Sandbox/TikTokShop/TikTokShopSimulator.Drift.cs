namespace Ocop.MarketSync.Sandbox.TikTokShop;

/// <summary>
/// Changes made in Seller Center or by TikTok itself, bypassing the API: the drift and orphans reconciliation must
/// find. Each bumps the product's update time, as a real edit would.
/// </summary>
public sealed partial class TikTokShopSimulator
{
    public void EditPrice(string productId, long priceVnd) => Edit(productId, p => p with { PriceVnd = priceVnd });

    public void EditStock(string productId, int stock) => Edit(productId, p => p with { Stock = stock });

    public void EditTitle(string productId, string title) => Edit(productId, p => p with { Title = title });

    /// <summary>The seller deactivates (false) or activates (true) the product in Seller Center.</summary>
    public void SetActive(string productId, bool active) => Edit(productId, p => p with { Status = active ? "ACTIVATE" : "SELLER_DEACTIVATED" });

    /// <summary>TikTok deactivates the product (policy violation): the seller cannot activate it again.</summary>
    public void Ban(string productId) => Edit(productId, p => p with { Status = "PLATFORM_DEACTIVATED" });

    /// <summary>A promotion starts (true) or ends (false): price updates are refused with 12052038 meanwhile.</summary>
    public void LockPrice(string productId, bool locked) => Edit(productId, p => p with { PriceLocked = locked });

    /// <summary>The seller deletes the product; search still reports it, with status DELETED.</summary>
    public void Delete(string productId) => Edit(productId, p => p with { Status = "DELETED" });

    /// <exception cref="KeyNotFoundException">No such product, or it is deleted.</exception>
    public void Edit(string productId, Func<TikTokShopSimulatorProduct, TikTokShopSimulatorProduct> edit)
    {
        lock (_gate)
        {
            _ = ChangeLocked(productId, edit) ?? throw new KeyNotFoundException($"No TikTok simulator product {productId}.");
        }
    }

    /// <summary>A product made by hand in Seller Center (a SKU that exists already makes a duplicate).</summary>
    /// <returns>The new product's id.</returns>
    public string InsertOrphan(string sellerSku, string title = "Sản phẩm tạo tay trong Seller Center", long priceVnd = 100_000, int stock = 10)
    {
        lock (_gate)
        {
            return AddLocked(new TikTokShopSimulatorProduct
            {
                Id = string.Empty,
                SkuId = string.Empty,
                SellerSku = sellerSku,
                Title = title,
                Description = string.Empty,
                CategoryId = "600001",
                ImageUris = [],
                WeightKg = "0.5",
                Attributes = new Dictionary<string, string>(),
                PriceVnd = priceVnd,
                Stock = stock,
                Status = "ACTIVATE",
            }).Id;
        }
    }
}
