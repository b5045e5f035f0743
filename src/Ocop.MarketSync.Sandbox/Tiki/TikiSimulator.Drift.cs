namespace Ocop.MarketSync.Sandbox.Tiki;

/// <summary>
/// Changes made by hand in Seller Center, bypassing the API: each bumps the update time and feeds the event queue,
/// as a real edit would, and tells the adapter nothing directly.
/// </summary>
public sealed partial class TikiSimulator
{
    public void EditPrice(long productId, long price) => Edit(productId, p => p with { Price = price });

    public void EditStock(long productId, int quantity) => Edit(productId, p => p with { Quantity = quantity });

    public void SetActive(long productId, bool active) => Edit(productId, p => p with { Active = active });

    /// <summary>Orders hold units: Tiki's quantity stays, its sellable quantity drops.</summary>
    public void Reserve(long productId, int units) => Edit(productId, p => p with { Reserved = units });

    /// <summary>The seller deletes the product.</summary>
    public void Delete(long productId)
    {
        lock (_gate)
        {
            AdvanceLocked();
            if (!_products.Remove(productId))
            {
                throw new KeyNotFoundException($"No Tiki simulator product {productId}.");
            }
        }
    }

    /// <exception cref="KeyNotFoundException">No such product.</exception>
    public void Edit(long productId, Func<TikiSimulatorProduct, TikiSimulatorProduct> edit)
    {
        lock (_gate)
        {
            AdvanceLocked();
            if (!_products.ContainsKey(productId))
            {
                throw new KeyNotFoundException($"No Tiki simulator product {productId}.");
            }

            ChangeLocked(productId, edit);
        }
    }
}
