using System.Globalization;
using Ocop.MarketSync.Marketplaces.Tiki.Api;
using Ocop.MarketSync.Sync.Marketplaces;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Tiki;

/// <summary>
/// Price, stock and status: batched <c>PUT /integration/v2.1/products/updateSkus</c>, then every item the answer did
/// not refuse is read back (<c>GET /integration/v2.1/products/{id}</c>). Tiki has answered success while changing
/// nothing (#295), so an item whose value did not change is reported Transient: the engine sends it again (the values
/// are absolute, so a repeat is safe) instead of believing a change that did not happen.
/// </summary>
internal sealed partial class TikiMarketplaceClient
{
    public const string IncludeInventory = "inventory";

    public Task<IReadOnlyList<ItemResult>> UpdatePriceAsync(IReadOnlyList<PriceUpdate> items, CancellationToken cancellationToken) =>
        WriteSkusAsync(items, i => i.RemoteId, i => i.SellerSku,
            (i, id) => new WireSkuUpdate(id, Price: i.PriceVnd),
            (i, p) => p.Price == i.PriceVnd ? null : $"price {p.Price} (sent {i.PriceVnd})",
            cancellationToken);

    /// <summary>
    /// Sends the on-hand quantity for the channel's warehouse: Tiki's quantity includes units held by open orders
    /// and it subtracts reserved units itself (#231, #272), so sending "available" would count them twice.
    /// </summary>
    public Task<IReadOnlyList<ItemResult>> UpdateStockAsync(IReadOnlyList<StockUpdate> items, CancellationToken cancellationToken) =>
        WriteSkusAsync(items, i => i.RemoteId, i => i.SellerSku,
            (i, id) => new WireSkuUpdate(id, SellerWarehouse: mapper.WarehouseId.ToString(CultureInfo.InvariantCulture),
                WarehouseQuantities: [new WireWarehouseQuantity(mapper.WarehouseId, Math.Max(0, i.Stock))]),
            (i, p) => TikiWireMapper.Stock(p) == Math.Max(0, i.Stock) ? null
                : $"quantity {TikiWireMapper.Stock(p)?.ToString(CultureInfo.InvariantCulture) ?? "(none reported)"} (sent {Math.Max(0, i.Stock)})",
            cancellationToken);

    public Task<IReadOnlyList<ItemResult>> SetStatusAsync(IReadOnlyList<StatusUpdate> items, CancellationToken cancellationToken) =>
        WriteSkusAsync(items, i => i.RemoteId, i => i.SellerSku,
            (i, id) => new WireSkuUpdate(id, Status: i.Active ? 1 : 2),
            (i, p) => (p.Active == 1) == i.Active ? null : $"active {p.Active} (sent {(i.Active ? "on" : "off")})",
            cancellationToken);

    private async Task<IReadOnlyList<ItemResult>> WriteSkusAsync<TItem>(
        IReadOnlyList<TItem> items,
        Func<TItem, string> remoteIdOf,
        Func<TItem, string> skuOf,
        Func<TItem, long, WireSkuUpdate> build,
        Func<TItem, WireProduct, string?> unchanged,
        CancellationToken cancellationToken)
    {
        var results = new ItemResult[items.Count];
        var valid = new List<(int Index, long ProductId)>();
        for (var i = 0; i < items.Count; i++)
        {
            if (TikiWireMapper.TryProductId(remoteIdOf(items[i]), out var productId))
            {
                valid.Add((i, productId));
            }
            else
            {
                results[i] = new ItemResult(skuOf(items[i]), new MarketplaceError.NotFound($"'{remoteIdOf(items[i])}' is not a Tiki product id."), remoteIdOf(items[i]));
            }
        }

        foreach (var chunk in valid.Chunk(TikiCapabilities.SkuBatch))
        {
            await WriteChunkAsync(items, chunk, results, remoteIdOf, skuOf, build, unchanged, cancellationToken);
        }

        return results;
    }

    private async Task WriteChunkAsync<TItem>(
        IReadOnlyList<TItem> items,
        IReadOnlyList<(int Index, long ProductId)> chunk,
        ItemResult[] results,
        Func<TItem, string> remoteIdOf,
        Func<TItem, string> skuOf,
        Func<TItem, long, WireSkuUpdate> build,
        Func<TItem, WireProduct, string?> unchanged,
        CancellationToken cancellationToken)
    {
        var body = new WireSkuUpdates([.. chunk.Select(x => build(items[x.Index], x.ProductId))]);
        var (callError, named) = await SendSkusAsync(body, cancellationToken);
        if (callError is MarketplaceError.Rejected && named.Count == 0 && chunk.Count > 1)
        {
            // Refused for the data without naming the product (e.g. a 403 "permission to update this product"): one
            // item's fault must not fail the others, so each is sent on its own.
            foreach (var single in chunk)
            {
                await WriteChunkAsync(items, [single], results, remoteIdOf, skuOf, build, unchanged, cancellationToken);
            }

            return;
        }

        foreach (var (index, productId) in chunk)
        {
            var item = items[index];
            var remoteId = remoteIdOf(item);
            var error = named.TryGetValue(productId, out var own) ? own
                // Refused without naming items: the whole call failed. Named others only: this one is read back.
                : callError is not null && named.Count == 0 ? callError
                : await ReadBackAsync(productId, p => unchanged(item, p), cancellationToken);
            results[index] = error is null ? new ItemResult(skuOf(item), null, remoteId, mapper.Url(remoteId)) : new ItemResult(skuOf(item), error, remoteId);
        }
    }

    /// <returns>The call's error (null on success) and the errors Tiki attributed to products (<c>meta.id</c>).</returns>
    private async Task<(MarketplaceError? Error, Dictionary<long, MarketplaceError> Named)> SendSkusAsync(WireSkuUpdates body, CancellationToken cancellationToken)
    {
        IApiResponse<WireUpdateAnswer> response;
        try
        {
            response = await api.UpdateSkusAsync(body, cancellationToken);
        }
        catch (Exception ex) when (TikiErrorMapper.FromException(ex, cancellationToken) is { } failure)
        {
            return (failure, []);
        }

        using (response)
        {
            var error = errors.FromResponse(response, cancellationToken);
            if (error is null)
            {
                return (null, []);
            }

            var status = response.IsSuccessStatusCode ? 400 : (int)(response.StatusCode ?? 0);
            var raw = response.HasResponseError(out var apiError) ? apiError.Content
                : response.Content?.Errors is { } e ? $$"""{"errors":{{e.GetRawText()}}}""" : null;
            var named = TikiErrorMapper.ReadErrors(raw)
                .Where(x => x.ProductId is not null)
                .GroupBy(x => x.ProductId!.Value)
                .ToDictionary(g => g.Key, g => errors.FromStatus(status, TikiErrorMapper.Describe(status, g.Select(x => x.Message)), null));
            return (error, named);
        }
    }

    /// <returns>Null when the product shows what was sent; else why not (a Transient, or the read's own error).</returns>
    private async Task<MarketplaceError?> ReadBackAsync(long productId, Func<WireProduct, string?> unchanged, CancellationToken cancellationToken)
    {
        var (product, error) = await CallAsync(ct => api.GetProductAsync(productId, IncludeInventory, ct), cancellationToken);
        if (error is MarketplaceError.NotFound or MarketplaceError.AuthExpired or MarketplaceError.Misconfigured)
        {
            return error;
        }

        if (error is not null)
        {
            // The write was answered success but cannot be confirmed: say so; sending the absolute value again is safe.
            return new MarketplaceError.Transient($"Tiki accepted the update of product {productId}, but reading it back failed: {error.Message}");
        }

        return unchanged(product!) is { } found
            ? new MarketplaceError.Transient(string.Create(CultureInfo.InvariantCulture,
                $"Tiki answered success, but product {productId} still shows {found} on read-back (Tiki bug #295: a success that changed nothing); the update will be sent again."))
            : null;
    }
}
