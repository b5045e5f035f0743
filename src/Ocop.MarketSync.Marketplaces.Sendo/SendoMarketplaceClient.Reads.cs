using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ocop.MarketSync.Marketplaces.Sendo.Api;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Sendo;

internal sealed partial class SendoMarketplaceClient
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT");

    /// <summary>
    /// <c>GET /api/partner/product?sku=</c>, one SKU per call. "Not there" may be a 404, an empty result or a
    /// refusal that says so; a deleted product (status 5/6) is not there either. Only an exact SKU binds.
    /// </summary>
    public async Task<IReadOnlyList<RemoteItem>> FindBySellerSkuAsync(IReadOnlyList<string> sellerSkus, CancellationToken cancellationToken)
    {
        var found = new List<RemoteItem>();
        foreach (var sku in sellerSkus.Distinct(StringComparer.Ordinal))
        {
            var (envelope, error) = await CallAsync(ct => api.GetBySkuAsync(sku, ct), cancellationToken);
            if (error is MarketplaceError.NotFound)
            {
                continue;
            }

            if (error is not null)
            {
                throw new MarketplaceException(error);
            }

            if (envelope?.Result is { ValueKind: JsonValueKind.Object } result
                && mapper.ToRemoteItem(JsonNode.Parse(result.GetRawText())!.AsObject()) is { } item
                && string.Equals(item.SellerSku, sku, StringComparison.Ordinal))
            {
                found.Add(item);
            }
        }

        return found;
    }

    /// <summary>
    /// Streams the shop's products by <c>next_token</c>, 50 a page, updated from <see cref="SendoChannelOptions.SearchFrom"/>
    /// to tomorrow in Vietnam (so today's changes are in), keeping those whose SKU starts with the prefix (Sendo's
    /// search has no SKU filter). A token is never kept beyond this enumeration.
    /// </summary>
    public async IAsyncEnumerable<RemoteItem> PageItemsAsync(string skuPrefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var to = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Vietnam).DateTime).AddDays(1);
        string? token = null;
        do
        {
            var request = new WireSearchRequest(SendoCapabilities.SearchPageSize, null, Day(options.SearchFrom), Day(to), null, token);
            var (envelope, error) = await CallAsync(ct => api.SearchAsync(request, ct), cancellationToken);
            if (error is not null)
            {
                throw new MarketplaceException(error);
            }

            var page = envelope?.Result is { ValueKind: JsonValueKind.Object } result ? JsonNode.Parse(result.GetRawText())!.AsObject() : null;
            foreach (var product in (page?[WireFields.Data] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (mapper.ToRemoteItem(product) is { } item && item.SellerSku.StartsWith(skuPrefix, StringComparison.Ordinal))
                {
                    yield return item;
                }
            }

            var next = page?[WireFields.NextToken] is JsonValue value && value.TryGetValue<string>(out var n) && n.Length > 0 ? n : null;
            // A marketplace that hands out the same token again would have us page forever.
            token = next is null || next != token ? next
                : throw new MarketplaceException(new MarketplaceError.Transient($"Sendo answered page token '{token}' with the same token again."));
        }
        while (token is not null);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
