using System.Globalization;
using System.Text.Json.Nodes;
using Ocop.MarketSync.Marketplaces.Sendo.Api;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Sendo;

/// <summary>
/// The marketplace port on Sendo's partner product API, for one channel. Creates post whole new products
/// (<c>id: 0</c>); every update (content, price, stock, status) reads the product, changes our fields and posts it
/// back whole (§6.5, as integrators do): the field-mask endpoint exists (§6.2) but its body is not documented, and
/// the read tells whether the product may be updated at all (pending, cancelled and deleted ones may not). A product
/// that the change would leave as it is, is not written. One product goes to <c>/product</c>, several to
/// <c>/product/list</c>. Whole-call failures come back as that error on every item of the call.
/// </summary>
internal sealed partial class SendoMarketplaceClient(
    ISendoApi api, SendoWireMapper mapper, MarketplaceCapabilities capabilities, SendoChannelOptions options, TimeProvider time) : IMarketplaceClient
{
    public MarketplaceCapabilities Capabilities => capabilities;

    public async Task<IReadOnlyList<ItemResult>> CreateAsync(IReadOnlyList<CreateListing> items, CancellationToken cancellationToken)
    {
        var results = new ItemResult?[items.Count];
        var pending = new List<(int Index, string Sku, JsonObject Product)>();
        for (var i = 0; i < items.Count; i++)
        {
            var sku = items[i].Content.SellerSku;
            var product = mapper.ToCreate(items[i]);
            if ((SkuProblem(sku) ?? SendoWireMapper.ContentProblem(product)) is { } problem)
            {
                results[i] = new ItemResult(sku, new MarketplaceError.Rejected(problem));
                continue;
            }

            pending.Add((i, sku, product));
        }

        // No HTTP retry of these POSTs anywhere: Sendo has no idempotency key, a blind second create is a duplicate.
        foreach (var (index, sku, id, error) in await SaveAsync(pending, cancellationToken))
        {
            results[index] = error is null ? new ItemResult(sku, null, Id(id!.Value), mapper.Url(id.Value)) : new ItemResult(sku, error);
        }

        return results!;
    }

    public Task<IReadOnlyList<ItemResult>> UpdateContentAsync(IReadOnlyList<ContentUpdate> items, CancellationToken cancellationToken) =>
        ReadModifyWriteAsync(items.Select(i => (i.RemoteId, i.Content.SellerSku, (Func<JsonObject, string?>)(product =>
        {
            mapper.ApplyContent(product, i.Content);
            return SendoWireMapper.ContentProblem(product);
        }))).ToList(), cancellationToken);

    public Task<IReadOnlyList<ItemResult>> UpdatePriceAsync(IReadOnlyList<PriceUpdate> items, CancellationToken cancellationToken) =>
        ReadModifyWriteAsync(items.Select(i => (i.RemoteId, i.SellerSku, (Func<JsonObject, string?>)(product =>
        {
            if (i.PriceVnd is < SendoCapabilities.MinPriceVnd or > SendoCapabilities.MaxPriceVnd)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"Sendo takes prices from {SendoCapabilities.MinPriceVnd:N0} to {SendoCapabilities.MaxPriceVnd:N0} VND; got {i.PriceVnd:N0}.");
            }

            SendoWireMapper.ApplyPrice(product, i.PriceVnd);
            return null;
        }))).ToList(), cancellationToken);

    public Task<IReadOnlyList<ItemResult>> UpdateStockAsync(IReadOnlyList<StockUpdate> items, CancellationToken cancellationToken) =>
        ReadModifyWriteAsync(items.Select(i => (i.RemoteId, i.SellerSku, (Func<JsonObject, string?>)(product =>
        {
            if (i.Stock is < 0 or > SendoCapabilities.MaxStock)
            {
                return string.Create(CultureInfo.InvariantCulture, $"Sendo takes stock from 0 to {SendoCapabilities.MaxStock:N0}; got {i.Stock}.");
            }

            SendoWireMapper.ApplyStock(product, i.Stock);
            return null;
        }))).ToList(), cancellationToken);

    public Task<IReadOnlyList<ItemResult>> SetStatusAsync(IReadOnlyList<StatusUpdate> items, CancellationToken cancellationToken) =>
        ReadModifyWriteAsync(items.Select(i => (i.RemoteId, i.SellerSku, (Func<JsonObject, string?>)(product =>
        {
            SendoWireMapper.ApplyActive(product, i.Active);
            return null;
        }))).ToList(), cancellationToken);

    /// <param name="items">Each item's remote id, SKU, and the change: it edits the product, or returns why Sendo would refuse it.</param>
    private async Task<IReadOnlyList<ItemResult>> ReadModifyWriteAsync(
        IReadOnlyList<(string RemoteId, string Sku, Func<JsonObject, string?> Change)> items, CancellationToken cancellationToken)
    {
        var results = new ItemResult?[items.Count];
        var pending = new List<(int Index, string Sku, JsonObject Product)>();
        for (var i = 0; i < items.Count; i++)
        {
            var (remoteId, sku, change) = items[i];
            if (!long.TryParse(remoteId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                results[i] = new ItemResult(sku, new MarketplaceError.NotFound($"'{remoteId}' is not a Sendo product id."), remoteId);
                continue;
            }

            var (product, error) = await GetByIdAsync(id, cancellationToken);
            var status = product is null ? null : (int?)SendoWireMapper.Long(product, WireFields.Status);
            error ??= SendoProductStatus.RefusesUpdate(id, status, options.PendingReviewRetryAfter);
            if (error is not null)
            {
                results[i] = new ItemResult(sku, error, remoteId);
                continue;
            }

            var before = product!.DeepClone();
            if (change(product) is { } problem)
            {
                results[i] = new ItemResult(sku, new MarketplaceError.Rejected(problem), remoteId);
            }
            else if (JsonNode.DeepEquals(before, product))
            {
                // Sendo already shows exactly this: writing it again would only spend a call.
                results[i] = new ItemResult(sku, null, remoteId, mapper.Url(id));
            }
            else
            {
                pending.Add((i, sku, product));
            }
        }

        foreach (var (index, sku, id, error) in await SaveAsync(pending, cancellationToken))
        {
            var remoteId = items[index].RemoteId;
            results[index] = error is null ? new ItemResult(sku, null, remoteId, mapper.Url(id ?? long.Parse(remoteId, CultureInfo.InvariantCulture)))
                : new ItemResult(sku, error, remoteId);
        }

        return results!;
    }

    private static string? SkuProblem(string sku) => sku.Length is < SendoCapabilities.SkuMinChars or > SendoCapabilities.SkuMaxChars
        ? string.Create(CultureInfo.InvariantCulture,
            $"Sendo takes SKUs of {SendoCapabilities.SkuMinChars}–{SendoCapabilities.SkuMaxChars} characters; '{sku}' has {sku.Length}.")
        : null;

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
