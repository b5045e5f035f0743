using System.Globalization;
using System.Text.Json.Nodes;

namespace Ocop.MarketSync.Sandbox.Tiki;

/// <summary>
/// Product requests and their review: a request moves through <see cref="Pipeline"/> one state per
/// <see cref="TikiSimulatorOptions.ReviewStepDelay"/>, then is approved (a create makes an inactive product unless
/// <c>is_auto_turn_on</c>; an update applies its content) or rejected with the reason decided on arrival: a banned
/// word in the name, or an original_sku already used (420 "Seller product code is not unique").
/// </summary>
public sealed partial class TikiSimulator
{
    private static readonly string[] Pipeline = ["queuing", "processing", "bot_awaiting_approve", "awaiting_approve"];

    /// <summary>A snapshot of every product request, by track id.</summary>
    public IReadOnlyList<TikiSimulatorRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                AdvanceLocked();
                return [.. _requests.Values];
            }
        }
    }

    internal TikiSimulatorAnswer CreateRequest(JsonObject body)
    {
        var variant = (body["variants"] as JsonArray)?.FirstOrDefault() as JsonObject;
        var sku = variant?["sku"]?.GetValue<string>();
        var name = body["name"]?.GetValue<string>();
        var price = variant?["price"]?.GetValue<long>() ?? 0;
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(sku) || body["category_id"] is null || price <= 0)
        {
            return TikiSimulatorAnswer.Invalid("name, category_id, variants[0].sku and a variants[0].price above 0 are required");
        }

        var stocks = variant!["warehouse_stocks"] as JsonArray;
        var quantity = stocks?.OfType<JsonObject>().FirstOrDefault(s => s["warehouseId"]?.GetValue<long>() == Options.WarehouseId)?["qtyAvailable"]?.GetValue<int>();
        if (stocks is { Count: > 0 } && quantity is null)
        {
            return TikiSimulatorAnswer.Invalid($"Warehouse {stocks[0]?["warehouseId"]} not found");
        }

        lock (_gate)
        {
            AdvanceLocked();
            var duplicate = _products.Values.Any(p => p.OriginalSku == sku)
                || _requests.Values.Any(r => !r.IsUpdate && r.FinalState is null && r.Draft.OriginalSku == sku);
            var draft = Draft(body, sku!, name!, price) with { Quantity = quantity ?? 0 };
            var request = new TikiSimulatorRequest(NextId("trk-"), false, Now, draft, body["meta_data"]?["is_auto_turn_on"]?.GetValue<bool>() ?? false,
                duplicate ? (420, "Seller product code is not unique") : Banned(name!));
            _requests[request.TrackId] = request;
            AdvanceLocked();
            return TikiSimulatorAnswer.Ok(new { track_id = request.TrackId, state = "queuing" });
        }
    }

    internal TikiSimulatorAnswer UpdateProductInfo(JsonObject body)
    {
        var productId = body["product_id"]?.GetValue<long>() ?? 0;
        lock (_gate)
        {
            AdvanceLocked();
            if (!_products.TryGetValue(productId, out var product))
            {
                return TikiSimulatorAnswer.Fail(404, $"Product {productId} not found");
            }

            if (!Options.CanUpdateProduct)
            {
                return TikiSimulatorAnswer.Fail(403, "you do not have permission to update this product");
            }

            var draft = Draft(body, product.OriginalSku, body["name"]?.GetValue<string>() ?? product.Name, product.Price);
            var request = new TikiSimulatorRequest(NextId("trk-"), true, Now, draft, false, Banned(draft.Name)) { ProductId = productId };
            _requests[request.TrackId] = request;
            AdvanceLocked();
            return TikiSimulatorAnswer.Ok(new { track_id = request.TrackId, state = "queuing" });
        }
    }

    internal TikiSimulatorAnswer Track(string trackId)
    {
        lock (_gate)
        {
            AdvanceLocked();
            if (!_requests.TryGetValue(trackId, out var request))
            {
                return TikiSimulatorAnswer.Fail(404, $"track_id {trackId} haven't created any request");
            }

            var state = request.FinalState ?? Pipeline[Math.Min(Step(request), Pipeline.Length - 1)];
            return TikiSimulatorAnswer.Ok(new
            {
                track_id = trackId,
                state,
                reason = (string?)null,
                rejected_reasons = state == "rejected" && request.Rejection is { } r ? new[] { new { code = r.Code, reason = r.Text } } : null,
                product_id = state == "approved" ? request.ProductId : null,
            });
        }
    }

    /// <summary>Applies every decision that is due: reviews run on the simulator's clock, not on calls.</summary>
    private void AdvanceLocked()
    {
        foreach (var request in _requests.Values.Where(r => r.FinalState is null && Step(r) >= Pipeline.Length).ToList())
        {
            if (request.Rejection is not null)
            {
                _requests[request.TrackId] = request with { FinalState = "rejected" };
                continue;
            }

            var id = request.ProductId ?? ++_nextProductId;
            var product = request.IsUpdate && _products.TryGetValue(id, out var existing)
                ? existing with
                {
                    Name = request.Draft.Name, Description = request.Draft.Description, Attributes = request.Draft.Attributes,
                    Images = request.Draft.Images, UpdatedAt = Now,
                }
                : request.Draft with { ProductId = id, Active = request.AutoTurnOn, CreatedAt = Now, UpdatedAt = Now };
            _products[id] = product;
            _requests[request.TrackId] = request with { ProductId = id, FinalState = "approved" };
        }
    }

    private int Step(TikiSimulatorRequest request) => Options.ReviewStepDelay <= TimeSpan.Zero ? int.MaxValue
        : (int)Math.Min(int.MaxValue, (Now - request.CreatedAt).Ticks / Options.ReviewStepDelay.Ticks);

    private (int, string)? Banned(string name) =>
        Options.BannedWords.FirstOrDefault(w => name.Contains(w, StringComparison.OrdinalIgnoreCase)) is { } word
            ? (403, string.Create(CultureInfo.InvariantCulture, $"Product name contains a prohibited word: '{word}'"))
            : null;

    private static TikiSimulatorProduct Draft(JsonObject body, string sku, string name, long price) => new()
    {
        ProductId = 0,
        OriginalSku = sku,
        Name = name,
        Description = body["description"]?.GetValue<string>() ?? string.Empty,
        CategoryId = body["category_id"]?.GetValue<long>() ?? 0,
        Price = price,
        MarketPrice = body["market_price"]?.GetValue<long>() ?? price,
        Attributes = (body["attributes"] as JsonObject)?.ToDictionary(a => a.Key, a => a.Value?.ToString() ?? string.Empty) ?? [],
        Images = [.. new[] { body["image"]?.GetValue<string>() }.Concat((body["images"] as JsonArray)?.Select(i => i?.GetValue<string>()) ?? []).OfType<string>()],
    };
}
