using System.Globalization;
using System.Text;
using Ocop.MarketSync.Marketplaces.Shopee.Api;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Shopee;

/// <summary>Port types to Shopee's wire DTOs and back. Nothing of the wire leaves this project.</summary>
internal static class ShopeeWireMapper
{
    public const string Normal = "NORMAL";
    public const string Unlist = "UNLIST";
    public const string Banned = "BANNED";

    /// <summary>The statuses reconciliation lists; deleted items are gone as far as the engine is concerned.</summary>
    public static readonly IReadOnlyList<string> ListedStatuses = [Normal, Unlist, Banned, "REVIEWING"];

    /// <summary>Why the listing cannot go to Shopee as it is, or null. Checked before any call, so nothing is half-created.</summary>
    public static string? Problem(ListingContent content, ShopeeChannelOptions options)
    {
        if (!long.TryParse(content.CategoryId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return $"category '{content.CategoryId}' is not a Shopee category id";
        }

        if (content.Images.Count == 0)
        {
            return "Shopee requires at least one image";
        }

        var required = options.RequiredAttributesByCategory.TryGetValue(content.CategoryId, out var byCategory)
            ? options.RequiredAttributes.Concat(byCategory)
            : options.RequiredAttributes;
        var missing = required.Distinct(StringComparer.Ordinal).Where(key => !content.Attributes.ContainsKey(key)).ToList();
        return missing.Count > 0 ? $"missing mandatory attributes: {string.Join(", ", missing)}" : null;
    }

    public static WireItemWrite ToAddItem(CreateListing listing, IReadOnlyList<string> imageIds, ShopeeChannelOptions options) =>
        Content(listing.Content, imageIds, options) with
        {
            OriginalPrice = listing.PriceVnd,
            Brand = new WireBrand(options.BrandId, options.BrandName),
            LogisticInfo = [.. options.LogisticIds.Select(id => new WireLogistic(id, true))],
            SellerStock = [new WireSellerStock(listing.Stock, options.LocationId)],
            Condition = options.Condition,
            ItemStatus = listing.Active ? Normal : Unlist,
        };

    public static WireItemWrite ToUpdateItem(long itemId, ListingContent content, IReadOnlyList<string> imageIds, ShopeeChannelOptions options) =>
        Content(content, imageIds, options) with { ItemId = itemId };

    private static WireItemWrite Content(ListingContent content, IReadOnlyList<string> imageIds, ShopeeChannelOptions options) => new()
    {
        ItemName = Nfc(content.Title),
        Description = Nfc(content.Description),
        ItemSku = content.SellerSku,
        CategoryId = long.Parse(content.CategoryId, NumberStyles.None, CultureInfo.InvariantCulture),
        // Grams to kg; Shopee takes a decimal weight.
        Weight = content.WeightGrams is { } grams ? Math.Round(grams / 1000m, 3) : options.DefaultWeightKg,
        Dimension = options is { PackageLengthCm: { } l, PackageWidthCm: { } w, PackageHeightCm: { } h } ? new WireDimension(l, w, h) : null,
        Image = new WireImage(imageIds),
        AttributeList = [.. options.AttributeIds
            .Where(a => content.Attributes.ContainsKey(a.Key))
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => new WireAttribute(a.Value, [new WireAttributeValue(0, Nfc(content.Attributes[a.Key]))]))],
        Gtin = content.Gtin,
    };

    public static WireUpdatePrice ToUpdatePrice(long itemId, long priceVnd) => new(itemId, [new WirePrice(0, priceVnd)]);

    public static WireUpdateStock ToUpdateStock(long itemId, int stock, ShopeeChannelOptions options) =>
        new(itemId, [new WireStock(0, [new WireSellerStock(stock, options.LocationId)])]);

    public static string ItemUrl(ShopeeChannelOptions options, long itemId) =>
        new Uri(options.ItemUrlBase, string.Create(CultureInfo.InvariantCulture, $"{options.ShopId}/{itemId}")).ToString();

    public static bool TryItemId(string remoteId, out long itemId) =>
        long.TryParse(remoteId, NumberStyles.None, CultureInfo.InvariantCulture, out itemId) && itemId > 0;

    public static string Id(long itemId) => itemId.ToString(CultureInfo.InvariantCulture);

    /// <summary>An item of <c>get_item_base_info</c>, or null for a deleted one or one without a SKU (not ours to reconcile).</summary>
    public static RemoteItem? ToRemoteItem(WireItemBaseInfo item, ShopeeChannelOptions options)
    {
        if (string.IsNullOrEmpty(item.ItemSku) || !ListedStatuses.Contains(item.ItemStatus ?? string.Empty))
        {
            return null;
        }

        var price = item.PriceInfo is [{ } first, ..] ? (long)Math.Round(first.OriginalPrice, MidpointRounding.AwayFromZero) : 0;
        var stock = item.StockInfoV2?.SellerStock?.Sum(s => s.Stock) ?? 0;
        return new RemoteItem(
            Id(item.ItemId),
            item.ItemSku,
            ItemUrl(options, item.ItemId),
            item.ItemName ?? string.Empty,
            price,
            stock,
            Active: item.ItemStatus == Normal,
            Banned: item.ItemStatus == Banned,
            DateTimeOffset.FromUnixTimeSeconds(item.UpdateTime));
    }

    /// <summary>The outcome of one item of a batch endpoint (update_price, update_stock, unlist_item).</summary>
    public static MarketplaceError? ItemOutcome(long itemId, WireBatchOutcome outcome, string? requestId, TimeSpan promotionRetryAfter)
    {
        if (outcome.FailureList?.FirstOrDefault(f => f.ItemId is null || f.ItemId == itemId) is { } failure)
        {
            return ShopeeErrorMapper.FromFailedReason(failure.FailedReason, requestId, promotionRetryAfter);
        }

        // update_price/update_stock list models in success_list; unlist_item lists items. An item in neither is unknown.
        return outcome.SuccessList is { Count: > 0 } successes && successes.Any(s => s.ItemId is null || s.ItemId == itemId)
            ? null
            : new MarketplaceError.Transient($"Shopee's answer does not mention item {itemId}; read it back.") { RequestId = requestId };
    }

    /// <summary>Vietnamese as NFC: decomposed diacritics from some editors change lengths and break exact matches.</summary>
    private static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);
}
