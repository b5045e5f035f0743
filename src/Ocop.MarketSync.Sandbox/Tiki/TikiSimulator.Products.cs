using System.Globalization;
using System.Text.Json.Nodes;

namespace Ocop.MarketSync.Sandbox.Tiki;

/// <summary>Products: updateSkus (price, stock, status; applied at once), the list with its 10,000-result cap, one product, findBy.</summary>
public sealed partial class TikiSimulator
{
    internal TikiSimulatorAnswer UpdateSkus(JsonObject body)
    {
        if (body["data"] is not JsonArray { Count: > 0 } data)
        {
            return TikiSimulatorAnswer.Invalid("data must be a non-empty list");
        }

        lock (_gate)
        {
            AdvanceLocked();
            var failures = new List<object>();
            var changes = new List<(long Id, Func<TikiSimulatorProduct, TikiSimulatorProduct> Change)>();
            foreach (var item in data.OfType<JsonObject>())
            {
                var id = item["product_id"]?.GetValue<long>() ?? 0;
                if (!_products.ContainsKey(id))
                {
                    failures.Add(Failure($"Product {id} not found", id));
                    continue;
                }

                if (!Options.CanUpdateProduct)
                {
                    failures.Add(Failure("you do not have permission to update this product", id));
                    continue;
                }

                var price = item["price"]?.GetValue<long>();
                var status = item["status"]?.GetValue<int>();
                var quantities = (item["warehouse_quantities"] as JsonArray)?.OfType<JsonObject>().ToList();
                var quantity = quantities?.FirstOrDefault(q => q["warehouse_id"]?.GetValue<long>() == Options.WarehouseId)?["qty_available"]?.GetValue<int>();
                if (quantities is { Count: > 0 } && quantity is null)
                {
                    failures.Add(Failure($"Warehouse {quantities[0]["warehouse_id"]} not found", id));
                    continue;
                }

                if (price is <= 0 || status is not (null or 1 or 2) || quantity is < 0)
                {
                    failures.Add(Failure("price must be above 0, status 1 or 2, qty_available from 0", id));
                    continue;
                }

                changes.Add((id, p => p with
                {
                    Price = price ?? p.Price,
                    Active = status is null ? p.Active : status == 1,
                    Quantity = quantity ?? p.Quantity,
                }));
            }

            if (failures.Count > 0)
            {
                // A refused item refuses the batch's answer; the items that were fine are applied (as Tiki's per-item meta suggests).
                ApplyLocked(changes);
                var forbidden = failures.All(f => f.ToString()!.Contains("permission", StringComparison.Ordinal));
                return new TikiSimulatorAnswer(forbidden ? 403 : 400, new { errors = failures });
            }

            if (!Options.SuccessWithoutChange)
            {
                ApplyLocked(changes);
            }

            return TikiSimulatorAnswer.Ok(new { state = "approved" });
        }
    }

    internal TikiSimulatorAnswer GetProduct(string productId)
    {
        lock (_gate)
        {
            AdvanceLocked();
            return long.TryParse(productId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && _products.TryGetValue(id, out var product)
                ? TikiSimulatorAnswer.Ok(Wire(product))
                : TikiSimulatorAnswer.Fail(404, $"Product {productId} not found");
        }
    }

    internal TikiSimulatorAnswer FindBy(string? originalSku)
    {
        lock (_gate)
        {
            AdvanceLocked();
            return _products.Values.FirstOrDefault(p => p.OriginalSku == originalSku) is { } product
                ? TikiSimulatorAnswer.Ok(Wire(product))
                : TikiSimulatorAnswer.Fail(404, $"Product with original_sku {originalSku} not found");
        }
    }

    /// <summary>Products updated within the (inclusive, second-resolution) range, oldest first; at most <see cref="TikiSimulatorOptions.MaxResults"/> reachable.</summary>
    internal TikiSimulatorAnswer List(string? page, string? limit, string? updatedFrom, string? updatedTo)
    {
        var number = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var size = int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0 ? l : 20;
        if (size > Options.MaxPageSize)
        {
            return TikiSimulatorAnswer.Invalid($"limit must be at most {Options.MaxPageSize}");
        }

        var from = ParseDate(updatedFrom);
        var to = ParseDate(updatedTo);
        if ((updatedFrom is not null && from is null) || (updatedTo is not null && to is null))
        {
            return TikiSimulatorAnswer.Invalid($"updated_from_date and updated_to_date must be {DateFormat}");
        }

        lock (_gate)
        {
            AdvanceLocked();
            var matching = _products.Values
                .Where(x => (from is null || Seconds(x.UpdatedAt) >= from) && (to is null || Seconds(x.UpdatedAt) <= to))
                .OrderBy(x => x.UpdatedAt).ThenBy(x => x.ProductId)
                .ToList();
            // The total counts every match; only the first MaxResults can be paged to.
            var reachable = matching.Take(Options.MaxResults).ToList();
            var last = Math.Max(1, (reachable.Count + size - 1) / size);
            return TikiSimulatorAnswer.Ok(new
            {
                data = reachable.Skip((number - 1) * size).Take(size).Select(Wire).ToList(),
                paging = new { total = matching.Count, per_page = size, current_page = number, last_page = last },
            });
        }
    }

    private void ApplyLocked(List<(long Id, Func<TikiSimulatorProduct, TikiSimulatorProduct> Change)> changes)
    {
        foreach (var (id, change) in changes)
        {
            ChangeLocked(id, change);
        }
    }

    /// <summary>Applies a change, bumping the update time and queueing events for what changed.</summary>
    private void ChangeLocked(long id, Func<TikiSimulatorProduct, TikiSimulatorProduct> change)
    {
        var before = _products[id];
        var after = change(before) with { ProductId = id, UpdatedAt = Now };
        _products[id] = after;
        if (after.Price != before.Price)
        {
            PublishLocked("PRODUCT_PRICE_UPDATED", new { product_id = id, original_sku = after.OriginalSku, price_from = before.Price, price_to = after.Price });
        }

        if (after.Quantity != before.Quantity)
        {
            PublishLocked("PRODUCT_INVENTORY_UPDATED", new
            {
                product_id = id,
                original_sku = after.OriginalSku,
                warehouse_id = Options.WarehouseId,
                quantity_sellable_from = Math.Max(0, before.Quantity - before.Reserved),
                quantity_sellable_to = Math.Max(0, after.Quantity - after.Reserved),
                quantity_reserved_to = after.Reserved,
            });
        }
    }

    private static DateTimeOffset Seconds(DateTimeOffset instant) => new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static object Failure(string message, long id) => new { message, meta = new { source = "product_id", id } };
}
