using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ocop.MarketSync.Marketplaces.Sendo.Api;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Sendo;

/// <summary>
/// Port types to Sendo product JSON and back. A create is built whole; an update changes our fields on the product
/// as read and leaves the rest as Sendo sent it. <c>stock_availability</c> is always false when stock is 0 or less
/// (Sendo refuses it otherwise, §6.2). Nothing of the wire leaves this project.
/// </summary>
internal sealed partial class SendoWireMapper(SendoChannelOptions options)
{
    public JsonObject ToCreate(CreateListing listing)
    {
        var product = new JsonObject
        {
            [WireFields.Id] = 0,
            [WireFields.Sku] = listing.Content.SellerSku,
            [WireFields.IsConfigVariant] = false,
            [WireFields.Variants] = new JsonArray(),
        };
        ApplyContent(product, listing.Content);
        ApplyPrice(product, listing.PriceVnd);
        ApplyStock(product, listing.Stock, listing.Active);
        return product;
    }

    public void ApplyContent(JsonObject product, ListingContent content)
    {
        product[WireFields.Name] = content.Title;
        product[WireFields.Description] = DescriptionHtml(content.Description);
        product[WireFields.CategoryId] = long.TryParse(content.CategoryId, NumberStyles.None, CultureInfo.InvariantCulture, out var category)
            ? category : content.CategoryId;
        product[WireFields.Weight] = content.WeightGrams is > 0 and var grams ? grams : options.DefaultWeightGrams;
        product[WireFields.UnitId] = options.UnitId;
        product[WireFields.Avatar] = content.Images.Count == 0 ? null : Picture(content.Images[0]);
        product[WireFields.Pictures] = new JsonArray([.. content.Images.Select(url => (JsonNode)Picture(url))]);
    }

    public static void ApplyPrice(JsonObject product, long priceVnd) => product[WireFields.Price] = priceVnd;

    /// <summary>
    /// Stock, and availability with it: available exactly when there is stock (and the listing is active). A stock
    /// update therefore makes a sold-out product available again; the planner sends stock 0 for every listing it
    /// wants off sale, so this never relists what it delisted.
    /// </summary>
    /// <param name="active">False delists: Sendo has no documented on/off switch, so "out of stock" is the one used.</param>
    public static void ApplyStock(JsonObject product, int stock, bool active = true)
    {
        product[WireFields.StockQuantity] = stock;
        product[WireFields.StockAvailability] = active && stock > 0;
    }

    /// <summary>Delist keeps the stock number (so a relist offers it again); relist is available only with stock.</summary>
    public static void ApplyActive(JsonObject product, bool active) =>
        product[WireFields.StockAvailability] = active && (Long(product, WireFields.StockQuantity) ?? 0) > 0;

    /// <summary>
    /// Why Sendo would refuse the product's content, or null: description HTML of 100–100,000 characters with at most
    /// 20 <c>&lt;img&gt;</c>, at most 20 pictures (§6.2). Checked before any call so the refusal is clear and free.
    /// </summary>
    public static string? ContentProblem(JsonObject product)
    {
        var description = product[WireFields.Description]?.GetValue<string>() ?? string.Empty;
        var pictures = (product[WireFields.Pictures] as JsonArray)?.Count ?? 0;
        var images = ImgTag().Count(description);
        return description.Length switch
        {
            < SendoCapabilities.DescriptionMinChars => string.Create(CultureInfo.InvariantCulture,
                $"Sendo needs a description of at least {SendoCapabilities.DescriptionMinChars} characters; this one has {description.Length}."),
            > SendoCapabilities.DescriptionMaxChars => string.Create(CultureInfo.InvariantCulture,
                $"Sendo takes a description of at most {SendoCapabilities.DescriptionMaxChars:N0} characters; this one has {description.Length:N0}."),
            _ when images > SendoCapabilities.MaxImages => string.Create(CultureInfo.InvariantCulture,
                $"Sendo takes at most {SendoCapabilities.MaxImages} <img> in a description; this one has {images}."),
            _ when pictures > SendoCapabilities.MaxImages => string.Create(CultureInfo.InvariantCulture,
                $"Sendo takes at most {SendoCapabilities.MaxImages} pictures; this product has {pictures}."),
            _ => null,
        };
    }

    /// <summary>
    /// The planner sends HTML when the marketplace takes it and it fits, else plain text: plain text becomes
    /// paragraphs, with only HTML's own characters escaped, so Sendo's HTML field shows it as written.
    /// </summary>
    /// <remarks>
    /// Not <see cref="WebUtility.HtmlEncode(string)"/>: it writes every Latin-1 letter as a numeric entity, so "mô hình"
    /// went out as "m&amp;#244; h&amp;#236;nh" — Vietnamese a buyer's browser renders, but text any other reader of
    /// the field (search, Sendo's app, a seller editing it) sees mangled, and longer against Sendo's length limits.
    /// </remarks>
    public static string DescriptionHtml(string description)
    {
        var text = description.Normalize(NormalizationForm.FormC).Trim();
        if (text.StartsWith('<'))
        {
            return text;
        }

        var paragraphs = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Concat(paragraphs.Select(p => $"<p>{EscapeHtml(p)}</p>"));
    }

    private static string EscapeHtml(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    public string Url(long productId) =>
        options.ProductUrlTemplate.Replace("{productId}", productId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>The product as the port sees it, or null for one without id or SKU, or deleted: nothing to bind to.</summary>
    public RemoteItem? ToRemoteItem(JsonObject product)
    {
        var id = Long(product, WireFields.Id);
        var sku = product[WireFields.Sku] is JsonValue s && s.TryGetValue<string>(out var text) ? text : null;
        var status = (int?)Long(product, WireFields.Status);
        if (id is not > 0 || string.IsNullOrEmpty(sku) || SendoProductStatus.IsDeleted(status))
        {
            return null;
        }

        var updated = Long(product, WireFields.UpdatedAt) is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.UnixEpoch;
        return new RemoteItem(
            id.Value.ToString(CultureInfo.InvariantCulture),
            sku,
            Url(id.Value),
            product[WireFields.Name]?.GetValue<string>() ?? string.Empty,
            Long(product, WireFields.Price) ?? 0,
            (int)Math.Clamp(Long(product, WireFields.StockQuantity) ?? 0, 0, int.MaxValue),
            Active: SendoProductStatus.IsSelling(status) && Bool(product, WireFields.StockAvailability) == true,
            Banned: SendoProductStatus.IsRefused(status),
            updated);
    }

    /// <summary>A number Sendo may send as a number or as text.</summary>
    public static long? Long(JsonObject product, string field) => product[field] is JsonValue value
        ? value.GetValueKind() switch
        {
            // Through the JSON text: a node built here holds an int, one parsed holds an element; both read alike.
            JsonValueKind.Number => decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                ? (long)Math.Round(n) : null,
            JsonValueKind.String => long.TryParse(value.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null,
            _ => null,
        }
        : null;

    private static bool? Bool(JsonObject product, string field) => product[field] is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        }
        : null;

    private static JsonObject Picture(string url) => new() { [WireFields.PictureUrl] = url };

    [GeneratedRegex("<img[\\s>/]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ImgTag();
}
