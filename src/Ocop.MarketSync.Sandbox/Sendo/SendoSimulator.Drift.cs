using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Ocop.MarketSync.Sandbox.Sendo;

/// <summary>
/// Changes made in seller centre or by Sendo itself, bypassing the API: the drift reconciliation must find. Each bumps
/// the update time as a real edit would, and posts a webhook when one is configured (unsigned, as Sendo's).
/// </summary>
public sealed partial class SendoSimulator
{
    private static readonly HttpClient Webhooks = new() { Timeout = TimeSpan.FromSeconds(5) };

    public void EditPrice(long productId, long priceVnd) => Edit(productId, p => p with { Body = With(p.Body, "price", priceVnd) });

    /// <summary>Stock set by hand; Sendo's own rule turns availability off at 0.</summary>
    public void EditStock(long productId, int stock) => Edit(productId, p => p with
    {
        Body = With(With(p.Body, "stock_quantity", stock), "stock_availability", stock > 0 && p.StockAvailability),
    });

    /// <summary>Sendo's status changed by hand or by moderation (1 pending, 2 selling, 3 rejected, 4 cancelled, 5/6 deleted).</summary>
    public void SetStatus(long productId, int status) => Edit(productId, p => p with { Status = status });

    public void Delete(long productId) => SetStatus(productId, 5);

    /// <exception cref="KeyNotFoundException">No such product.</exception>
    public void Edit(long productId, Func<SendoSimulatorProduct, SendoSimulatorProduct> edit)
    {
        SendoSimulatorProduct changed;
        lock (_gate)
        {
            if (!_products.ContainsKey(productId))
            {
                throw new KeyNotFoundException($"No Sendo simulator product {productId}.");
            }

            changed = _products[productId] = edit(Current(productId)) with { UpdatedAt = _time.GetUtcNow() };
        }

        Notify("PRODUCT.UPDATE", changed);
    }

    private static JsonObject With(JsonObject body, string field, JsonNode? value)
    {
        var copy = body.DeepClone().AsObject();
        copy[field] = value;
        return copy;
    }

    /// <summary>Fire and forget, as a marketplace's push: a failed delivery is lost, reconciliation still finds the change.</summary>
    private void Notify(string type, SendoSimulatorProduct product)
    {
        if (Options.WebhookUrl is not { } url)
        {
            return;
        }

        var message = new JsonObject
        {
            ["type"] = type,
            ["store_id"] = Options.StoreId,
            ["shop_key"] = Options.ShopKey,
            ["data"] = new JsonObject { ["id"] = product.Id, ["sku"] = product.Sku },
        };
        _ = Task.Run(async () =>
        {
            try
            {
                using var response = await Webhooks.PostAsJsonAsync(url, message);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Lost like a real push whose receiver was down.
            }
        });
    }
}
