using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ocop.MarketSync.Marketplaces.Sendo.Api;
using Ocop.MarketSync.Sync.Marketplaces;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Sendo;

internal sealed partial class SendoMarketplaceClient
{
    /// <summary>
    /// Posts the products: one to <c>/product</c>, several to <c>/product/list</c>. The answer names the saved id as a
    /// number or an object with <c>id</c>/<c>product_id</c> (per item for a list, matched by <c>sku</c> when it
    /// carries one, else by position) [answer shape unverified, read defensively]. An item the answer does not account
    /// for is Transient: it may have been saved, so a create is looked up by SKU before it is tried again.
    /// </summary>
    private async Task<IReadOnlyList<(int Index, string Sku, long? Id, MarketplaceError? Error)>> SaveAsync(
        IReadOnlyList<(int Index, string Sku, JsonObject Product)> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return [];
        }

        var sentIds = items.Select(i => SendoWireMapper.Long(i.Product, WireFields.Id) ?? 0).ToList();
        var (envelope, error) = items.Count == 1
            ? await CallAsync(ct => api.SaveAsync(items[0].Product, ct), cancellationToken)
            : await CallAsync(ct => api.SaveManyAsync(new JsonArray([.. items.Select(i => (JsonNode)i.Product)]), ct), cancellationToken);
        if (error is not null)
        {
            return [.. items.Select(i => (i.Index, i.Sku, (long?)null, (MarketplaceError?)error))];
        }

        var answers = items.Count == 1 || envelope!.Result is not { ValueKind: JsonValueKind.Array } array
            ? [envelope!.Result ?? default]
            : array.EnumerateArray().ToList();
        var bySku = answers.Where(a => a.ValueKind == JsonValueKind.Object && Text(a, "sku") is not null)
            .GroupBy(a => Text(a, "sku")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var outcomes = new List<(int, string, long?, MarketplaceError?)>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var (index, sku, _) = items[i];
            JsonElement? answer = bySku.TryGetValue(sku, out var named) ? named : bySku.Count == 0 && i < answers.Count ? answers[i] : null;
            outcomes.Add(Outcome(index, sku, sentIds[i], answer));
        }

        return outcomes;
    }

    private static (int, string, long?, MarketplaceError?) Outcome(int index, string sku, long sentId, JsonElement? answer)
    {
        if (answer is { ValueKind: JsonValueKind.Object } item
            && ((item.TryGetProperty("success", out var ok) && ok.ValueKind == JsonValueKind.False) || SendoErrorMapper.ErrorText(Property(item, "error")) is not null))
        {
            var text = $"Sendo refused {sku}: {SendoErrorMapper.ErrorText(Property(item, "error")) ?? "no error text"}";
            var status = Property(item, "status_code") is { ValueKind: JsonValueKind.Number } code ? code.GetInt32() : 400;
            return (index, sku, null, SendoErrorMapper.FromStatus(status, text));
        }

        var id = answer switch
        {
            { ValueKind: JsonValueKind.Number } number when number.TryGetInt64(out var n) => n,
            { ValueKind: JsonValueKind.String } text when long.TryParse(text.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
            { ValueKind: JsonValueKind.Object } saved => Number(saved, "id") ?? Number(saved, "product_id"),
            _ => null,
        };
        id = id is > 0 ? id : sentId > 0 ? sentId : null;
        return id is null
            ? (index, sku, null, new MarketplaceError.Transient($"Sendo's answer to the save of {sku} names no product id: it may exist; look the SKU up."))
            : (index, sku, id, null);
    }

    private async Task<(JsonObject? Product, MarketplaceError? Error)> GetByIdAsync(long id, CancellationToken cancellationToken)
    {
        var (envelope, error) = await CallAsync(ct => api.GetByIdAsync(id, ct), cancellationToken);
        if (error is not null)
        {
            return (null, error);
        }

        return envelope?.Result is { ValueKind: JsonValueKind.Object } result
            ? (JsonNode.Parse(result.GetRawText())!.AsObject(), null)
            : (null, new MarketplaceError.NotFound(string.Create(CultureInfo.InvariantCulture, $"Sendo has no product {id}.")));
    }

    private static async Task<(WireEnvelope? Envelope, MarketplaceError? Error)> CallAsync(
        Func<CancellationToken, Task<IApiResponse<WireEnvelope>>> call, CancellationToken cancellationToken)
    {
        IApiResponse<WireEnvelope> response;
        try
        {
            response = await call(cancellationToken);
        }
        catch (Exception ex) when (SendoErrorMapper.FromException(ex, cancellationToken) is { } failure)
        {
            return (null, failure);
        }

        using (response)
        {
            return (response.Content, SendoErrorMapper.FromResponse(response, cancellationToken));
        }
    }

    private static JsonElement? Property(JsonElement item, string name) => item.TryGetProperty(name, out var value) ? value : null;

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Number(JsonElement item, string name) => item.TryGetProperty(name, out var value) ? value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var n) => n,
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    } : null;
}
