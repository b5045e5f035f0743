using System.Runtime.CompilerServices;
using Ocop.MarketSync.Marketplaces.Sandbox.Api;
using Ocop.MarketSync.Sync.Marketplaces;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Sandbox;

/// <summary>
/// The marketplace port on the sandbox marketplace's API, for one channel. Batches larger than the capabilities
/// allow are split into several calls; results keep the input order. Whole-call failures of writes come back as
/// that error on every item of the call; lookups and paging throw <see cref="MarketplaceException"/>.
/// </summary>
/// <param name="images">Uploads pictures before creates and content updates (channel option <c>UploadImages</c>); null sends URLs as they are.</param>
internal sealed partial class SandboxMarketplaceClient(
    ISandboxMarketplaceApi api, MarketplaceCapabilities capabilities, TimeProvider time, SandboxImageUploader? images = null)
    : IMarketplaceClient
{
    private delegate Task<IApiResponse<WireBatchResult>> SendBatch<TWire>(WireBatch<TWire> batch, CancellationToken cancellationToken);

    public MarketplaceCapabilities Capabilities => capabilities;

    public Task<IReadOnlyList<ItemResult>> CreateAsync(IReadOnlyList<CreateListing> items, CancellationToken cancellationToken) =>
        WithUploadedImagesAsync(items, i => i.Content, (i, content) => i with { Content = content },
            (i, error) => new ItemResult(i.Content.SellerSku, error),
            ready => WriteAsync(ready, MarketplaceOperation.Create, i => i.Content.SellerSku, SandboxWireMapper.ToWire, api.CreateAsync,
                (item, result, requestId) => SandboxWireMapper.CreateResult(item.Content.SellerSku, result, requestId), cancellationToken),
            cancellationToken);

    public Task<IReadOnlyList<ItemResult>> UpdateContentAsync(IReadOnlyList<ContentUpdate> items, CancellationToken cancellationToken) =>
        WithUploadedImagesAsync(items, i => i.Content, (i, content) => i with { Content = content },
            (i, error) => new ItemResult(i.Content.SellerSku, error, i.RemoteId),
            ready => WriteAsync(ready, MarketplaceOperation.UpdateContent, i => i.Content.SellerSku, SandboxWireMapper.ToWire, api.UpdateContentAsync,
                (item, result, requestId) => SandboxWireMapper.UpdateResult(item.Content.SellerSku, item.RemoteId, result, requestId), cancellationToken),
            cancellationToken);

    public Task<IReadOnlyList<ItemResult>> UpdatePriceAsync(IReadOnlyList<PriceUpdate> items, CancellationToken cancellationToken) =>
        WriteAsync(items, MarketplaceOperation.UpdatePrice, i => i.SellerSku, SandboxWireMapper.ToWire, api.UpdatePriceAsync,
            (item, result, requestId) => SandboxWireMapper.UpdateResult(item.SellerSku, item.RemoteId, result, requestId), cancellationToken);

    public Task<IReadOnlyList<ItemResult>> UpdateStockAsync(IReadOnlyList<StockUpdate> items, CancellationToken cancellationToken) =>
        WriteAsync(items, MarketplaceOperation.UpdateStock, i => i.SellerSku, SandboxWireMapper.ToWire, api.UpdateStockAsync,
            (item, result, requestId) => SandboxWireMapper.UpdateResult(item.SellerSku, item.RemoteId, result, requestId), cancellationToken);

    public Task<IReadOnlyList<ItemResult>> SetStatusAsync(IReadOnlyList<StatusUpdate> items, CancellationToken cancellationToken) =>
        WriteAsync(items, MarketplaceOperation.SetStatus, i => i.SellerSku, SandboxWireMapper.ToWire, api.SetStatusAsync,
            (item, result, requestId) => SandboxWireMapper.UpdateResult(item.SellerSku, item.RemoteId, result, requestId), cancellationToken);

    public async Task<IReadOnlyList<RemoteItem>> FindBySellerSkuAsync(IReadOnlyList<string> sellerSkus, CancellationToken cancellationToken)
    {
        var wanted = sellerSkus.ToHashSet(StringComparer.Ordinal);
        var found = new List<RemoteItem>();
        foreach (var chunk in wanted.Chunk(capabilities.BatchSizeOf(MarketplaceOperation.FindBySellerSku)))
        {
            var (list, requestId) = await ReadAsync(ct => api.FindBySkuAsync(chunk, ct), cancellationToken);
            // Only exact SKUs: a marketplace that matched loosely must never bind our listing to another item.
            found.AddRange((list.Items ?? [])
                .Select(item => SandboxWireMapper.ToRemoteItem(item, requestId))
                .Where(item => wanted.Contains(item.SellerSku)));
        }

        return found;
    }

    public async IAsyncEnumerable<RemoteItem> PageItemsAsync(string skuPrefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pageSize = capabilities.BatchSizeOf(MarketplaceOperation.PageItems);
        string? pageToken = null;
        do
        {
            var token = pageToken;
            var (page, requestId) = await ReadAsync(ct => api.PageAsync(skuPrefix, token, pageSize, ct), cancellationToken);
            foreach (var item in page.Items ?? [])
            {
                var remote = SandboxWireMapper.ToRemoteItem(item, requestId);
                if (remote.SellerSku.StartsWith(skuPrefix, StringComparison.Ordinal))
                {
                    yield return remote;
                }
            }

            // A marketplace that hands out the same token again would have us page forever.
            pageToken = string.IsNullOrEmpty(page.NextPageToken) || page.NextPageToken != token ? page.NextPageToken
                : throw new MarketplaceException(new MarketplaceError.Transient(
                    $"The marketplace answered page token '{token}' with the same token again.") { RequestId = requestId });
        }
        while (!string.IsNullOrEmpty(pageToken));
    }

    private async Task<IReadOnlyList<ItemResult>> WriteAsync<TItem, TWire>(
        IReadOnlyList<TItem> items,
        MarketplaceOperation operation,
        Func<TItem, string> sellerSkuOf,
        Func<TItem, TWire> toWire,
        SendBatch<TWire> send,
        Func<TItem, WireItemResult, string?, ItemResult> toResult,
        CancellationToken cancellationToken)
    {
        var results = new List<ItemResult>(items.Count);
        foreach (var chunk in items.Chunk(capabilities.BatchSizeOf(operation)))
        {
            IApiResponse<WireBatchResult> response;
            try
            {
                response = await send(new WireBatch<TWire>([.. chunk.Select(toWire)]), cancellationToken);
            }
            catch (Exception ex) when (SandboxErrorMapper.FromException(ex, cancellationToken) is { } failure)
            {
                results.AddRange(chunk.Select(item => new ItemResult(sellerSkuOf(item), failure)));
                continue;
            }

            using (response)
            {
                var answered = response.Content?.Results;
                var requestId = SandboxErrorMapper.RequestIdOf(response);
                var failure = SandboxErrorMapper.FromResponse(response, time, cancellationToken)
                    ?? (answered?.Count == chunk.Length ? null : new MarketplaceError.Transient(
                        $"The marketplace answered {answered?.Count ?? 0} results for {chunk.Length} items.") { RequestId = requestId });
                results.AddRange(failure is null
                    ? chunk.Select((item, i) => toResult(item, answered![i], requestId))
                    : chunk.Select(item => new ItemResult(sellerSkuOf(item), failure)));
            }
        }

        return results;
    }

    /// <exception cref="MarketplaceException">The call failed as a whole.</exception>
    private async Task<(T Content, string? RequestId)> ReadAsync<T>(
        Func<CancellationToken, Task<IApiResponse<T>>> call, CancellationToken cancellationToken)
        where T : class
    {
        IApiResponse<T> response;
        try
        {
            response = await call(cancellationToken);
        }
        catch (Exception ex) when (SandboxErrorMapper.FromException(ex, cancellationToken) is { } failure)
        {
            throw new MarketplaceException(failure);
        }

        using (response)
        {
            var requestId = SandboxErrorMapper.RequestIdOf(response);
            var failure = SandboxErrorMapper.FromResponse(response, time, cancellationToken)
                ?? (response.Content is null ? new MarketplaceError.Transient("The marketplace answered with an empty body.") { RequestId = requestId } : null);
            return failure is null ? (response.Content!, requestId) : throw new MarketplaceException(failure);
        }
    }
}
