using System.Text;
using Ocop.MarketSync.Marketplaces.Lazada.Api;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Lazada;

/// <summary>
/// The marketplace port on the Lazada Open Platform, for one channel. Creates and content updates are one product
/// per call (Lazada's limit), price and stock go in batches of up to 50 SKUs. Whole-call failures of writes come
/// back as that error on every item of the call; lookups and paging throw <see cref="MarketplaceException"/>.
/// </summary>
internal sealed partial class LazadaMarketplaceClient(ILazadaApi api, LazadaChannelOptions options, TimeProvider time) : IMarketplaceClient
{
    private readonly LazadaChannelOptions _options = options;

    public MarketplaceCapabilities Capabilities { get; } = LazadaCapabilities.For(options);

    public async Task<IReadOnlyList<ItemResult>> CreateAsync(IReadOnlyList<CreateListing> items, CancellationToken cancellationToken)
    {
        var results = new List<ItemResult>(items.Count);
        foreach (var item in items)
        {
            results.Add(await CreateOneAsync(item, cancellationToken));
        }

        return results;
    }

    public async Task<IReadOnlyList<ItemResult>> UpdateContentAsync(IReadOnlyList<ContentUpdate> items, CancellationToken cancellationToken)
    {
        var results = new List<ItemResult>(items.Count);
        foreach (var item in items)
        {
            var sku = item.Content.SellerSku;
            if (Invalid(item.Content) is { } invalid || !TryParse(item.RemoteId, out var id, out invalid))
            {
                results.Add(new ItemResult(sku, invalid, item.RemoteId));
                continue;
            }

            var (images, imageError) = await HostedImagesAsync(item.Content.Images, cancellationToken);
            var answer = imageError is null
                ? await CallAsync(ct => api.UpdateProductAsync(Payload(LazadaPayloads.Update(id, item.Content, images, _options)), ct), cancellationToken)
                : null;
            results.Add(new ItemResult(sku, imageError ?? answer!.Failure, item.RemoteId) { RequestId = answer?.RequestId ?? imageError?.RequestId });
        }

        return results;
    }

    public Task<IReadOnlyList<ItemResult>> UpdatePriceAsync(IReadOnlyList<PriceUpdate> items, CancellationToken cancellationToken) =>
        UpdateSkusAsync(items, i => i.SellerSku, i => i.RemoteId,
            chunk => LazadaPayloads.Prices(chunk.Select(c => (c.Id, c.Item.SellerSku, c.Item.PriceVnd))),
            api.UpdatePriceQuantityAsync, cancellationToken);

    public Task<IReadOnlyList<ItemResult>> UpdateStockAsync(IReadOnlyList<StockUpdate> items, CancellationToken cancellationToken) =>
        UpdateSkusAsync(items, i => i.SellerSku, i => i.RemoteId,
            chunk => LazadaPayloads.Stocks(chunk.Select(c => (c.Id, c.Item.SellerSku, c.Item.Stock))),
            api.UpdateSellableStockAsync, cancellationToken);

    public async Task<IReadOnlyList<ItemResult>> SetStatusAsync(IReadOnlyList<StatusUpdate> items, CancellationToken cancellationToken)
    {
        var results = new List<ItemResult>(items.Count);
        foreach (var item in items)
        {
            if (!TryParse(item.RemoteId, out var id, out var invalid))
            {
                results.Add(new ItemResult(item.SellerSku, invalid, item.RemoteId));
                continue;
            }

            var (error, requestId) = item.Active
                ? Outcome(await CallAsync(ct => api.UpdateProductAsync(Payload(LazadaPayloads.Activate(id, item.SellerSku)), ct), cancellationToken))
                : await DeactivateAsync(id, cancellationToken);
            results.Add(new ItemResult(item.SellerSku, error, item.RemoteId) { RequestId = requestId });
        }

        return results;
    }

    private async Task<ItemResult> CreateOneAsync(CreateListing item, CancellationToken cancellationToken)
    {
        var sku = item.Content.SellerSku;
        if ((Invalid(item.Content) ?? MissingAttributes(item.Content)) is { } invalid)
        {
            return new ItemResult(sku, invalid);
        }

        var (images, imageError) = await HostedImagesAsync(item.Content.Images, cancellationToken);
        if (imageError is not null)
        {
            return new ItemResult(sku, imageError) { RequestId = imageError.RequestId };
        }

        var answer = await CallAsync(ct => api.CreateProductAsync(Payload(LazadaPayloads.Create(item, images, _options)), ct), cancellationToken);
        if (answer.Failure is not null)
        {
            // "SellerSku repeat": typically a create whose answer was lost but which went through. Adopt that item;
            // the lookup that found it decided the result, so its request id is the one kept.
            return LazadaErrorCodes.SellerSkuRepeat.Contains(answer.Envelope?.Code ?? string.Empty)
                && await FindOneAsync(sku, cancellationToken) is ({ } existing, var lookupId)
                ? new ItemResult(sku, null, existing.RemoteId, existing.Url) { RequestId = lookupId }
                : new ItemResult(sku, answer.Failure) { RequestId = answer.RequestId };
        }

        var created = answer.Envelope!.Data;
        var createdSku = created?.SkuList?.FirstOrDefault(s => s.SellerSku == sku) ?? created?.SkuList?.FirstOrDefault();
        if (created is null || createdSku is null)
        {
            var unnamed = new MarketplaceError.Transient("Lazada confirmed the create without an item or SKU id.") { RequestId = answer.RequestId };
            return new ItemResult(sku, unnamed) { RequestId = answer.RequestId };
        }

        var remoteId = new LazadaRemoteId(created.ItemId, createdSku.SkuId);
        // A new product goes live after QC; one that must start delisted is deactivated at once. A failed
        // deactivation decides the result (and names its own request); otherwise the create, which made the item, does.
        var (statusError, deactivateId) = item.Active ? (null, null) : await DeactivateAsync(remoteId, cancellationToken);
        return new ItemResult(sku, statusError, remoteId.ToString()) { RequestId = statusError is null ? answer.RequestId : deactivateId };
    }

    private async Task<(MarketplaceError? Error, string? RequestId)> DeactivateAsync(LazadaRemoteId id, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal) { ["apiRequestBody"] = LazadaPayloads.Deactivate(id) };
        var answer = await CallAsync(ct => api.DeactivateProductAsync(form, ct), cancellationToken);
        // E0004 "already inactive" is the state we wanted: delisting twice is not a failure.
        return (answer.Envelope?.Code == LazadaErrorCodes.AlreadyInactive ? null : answer.Failure, answer.RequestId);
    }

    private static (MarketplaceError? Error, string? RequestId) Outcome<T>(LazadaAnswer<T> answer) => (answer.Failure, answer.RequestId);

    private async Task<IReadOnlyList<ItemResult>> UpdateSkusAsync<TItem>(
        IReadOnlyList<TItem> items,
        Func<TItem, string> sellerSkuOf,
        Func<TItem, string> remoteIdOf,
        Func<IEnumerable<(LazadaRemoteId Id, TItem Item)>, string> payload,
        Func<Dictionary<string, string>, CancellationToken, Task<Refit.IApiResponse<LazadaResponse<object>>>> send,
        CancellationToken cancellationToken)
    {
        var results = new ItemResult?[items.Count];
        var valid = new List<(int Index, LazadaRemoteId Id, TItem Item)>();
        for (var i = 0; i < items.Count; i++)
        {
            if (TryParse(remoteIdOf(items[i]), out var id, out var invalid))
            {
                valid.Add((i, id, items[i]));
            }
            else
            {
                results[i] = new ItemResult(sellerSkuOf(items[i]), invalid, remoteIdOf(items[i]));
            }
        }

        foreach (var chunk in valid.Chunk(_options.UpdateBatchSize))
        {
            var body = Payload(payload(chunk.Select(c => (c.Id, c.Item))));
            var answer = await CallAsync(ct => send(body, ct), cancellationToken);
            var outcomes = PerSku([.. chunk.Select(c => (sellerSkuOf(c.Item), remoteIdOf(c.Item)))], answer,
                detail => LazadaErrorMapper.FromCode(detail.Code ?? answer.Envelope?.Code, answer.Envelope?.Type,
                    $"{detail.Field}: {detail.Message}", answer.RequestId, _options.CampaignLockRetryAfter)).ToList();
            for (var i = 0; i < chunk.Length; i++)
            {
                results[chunk[i].Index] = outcomes[i];
            }
        }

        return results!;
    }

    /// <summary>Lazada accepts only its own image URLs in products (<c>BIZ_CHECK_EXIST_OUTER_IMAGE</c>): migrate the others first.</summary>
    private async Task<(IReadOnlyList<string> Images, MarketplaceError? Error)> HostedImagesAsync(
        IReadOnlyList<string> images, CancellationToken cancellationToken)
    {
        var hosted = new List<string>(images.Count);
        foreach (var image in images.Take(8))
        {
            if (Uri.TryCreate(image, UriKind.Absolute, out var url)
                && _options.HostedImageHosts.Any(h => url.Host.EndsWith(h, StringComparison.OrdinalIgnoreCase)))
            {
                hosted.Add(image);
                continue;
            }

            var answer = await CallAsync(ct => api.MigrateImageAsync(Payload(LazadaPayloads.MigrateImage(image)), ct), cancellationToken);
            if (answer.Failure is not null || answer.Envelope?.Data?.Image?.Url is not { Length: > 0 } migrated)
            {
                return ([], answer.Failure ?? new MarketplaceError.Transient($"Lazada migrated image {image} without a URL.") { RequestId = answer.RequestId });
            }

            hosted.Add(migrated);
        }

        return (hosted, null);
    }

    /// <summary>What Lazada would refuse anyway (4160 counts UTF-8 bytes), refused here without spending a call.</summary>
    private static MarketplaceError? Invalid(ListingContent content)
    {
        var bytes = Encoding.UTF8.GetByteCount(content.Title);
        return bytes > LazadaCapabilities.TitleMaxBytes
            ? new MarketplaceError.Rejected($"The title takes {bytes} bytes of UTF-8; Lazada allows {LazadaCapabilities.TitleMaxBytes}.")
            : content.Images.Count == 0 ? new MarketplaceError.Rejected("Lazada needs at least one image (4139).") : null;
    }

    private MarketplaceError? MissingAttributes(ListingContent content)
    {
        var attributes = LazadaPayloads.AttributesOf(content, _options);
        var required = _options.RequiredAttributesByCategory.TryGetValue(content.CategoryId, out var byCategory)
            ? _options.RequiredAttributes.Concat(byCategory)
            : _options.RequiredAttributes;
        var missing = required.Distinct(StringComparer.Ordinal).Where(a => attributes[a] is null && !_options.SkuAttributes.ContainsKey(a)).ToList();
        return missing.Count == 0 ? null
            : new MarketplaceError.Rejected($"Mandatory Lazada attributes missing in category {content.CategoryId}: {string.Join(", ", missing)} "
                + "(the listing lacks the value, or it is not mapped in Lazada:AttributeMap or set in Lazada:ProductAttributes).");
    }

    private static bool TryParse(string remoteId, out LazadaRemoteId id, out MarketplaceError? error)
    {
        error = LazadaRemoteId.TryParse(remoteId, out id) ? null
            : new MarketplaceError.NotFound($"'{remoteId}' is not a Lazada remote id (item_id:sku_id).");
        return error is null;
    }
}
