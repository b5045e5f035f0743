using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Lazada;

/// <summary>
/// The <c>payload</c> documents. Create and update are JSON (accepted by the newer APIs; the shape mirrors the XML);
/// price, stock, deactivate and image migration are the documented XML. Prices are whole đồng, as strings.
/// </summary>
internal static class LazadaPayloads
{
    /// <summary>Vietnamese as UTF-8 text, not \u escapes; the form encoding escapes it on the wire anyway.</summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Create(CreateListing listing, IReadOnlyList<string> images, LazadaChannelOptions options)
    {
        var sku = PackageOf(listing.Content, options);
        sku["SellerSku"] = listing.Content.SellerSku;
        sku["quantity"] = Invariant(listing.Stock);
        sku["price"] = Invariant(listing.PriceVnd);
        foreach (var (name, value) in options.SkuAttributes)
        {
            sku[name] = value;
        }

        return Product(new JsonObject
        {
            ["PrimaryCategory"] = listing.Content.CategoryId,
            ["Images"] = new JsonObject { ["Image"] = Strings(images) },
            ["Attributes"] = AttributesOf(listing.Content, options),
            ["Skus"] = new JsonObject { ["Sku"] = new JsonArray(sku) },
        });
    }

    public static string Update(LazadaRemoteId id, ListingContent content, IReadOnlyList<string> images, LazadaChannelOptions options)
    {
        var sku = PackageOf(content, options);
        sku["SkuId"] = Invariant(id.SkuId);
        sku["SellerSku"] = content.SellerSku;
        return Product(new JsonObject
        {
            ["ItemId"] = Invariant(id.ItemId),
            ["PrimaryCategory"] = content.CategoryId,
            ["Images"] = new JsonObject { ["Image"] = Strings(images) },
            ["Attributes"] = AttributesOf(content, options),
            ["Skus"] = new JsonObject { ["Sku"] = new JsonArray(sku) },
        });
    }

    /// <summary>Relist: there is no activate API; an update of the SKU's <c>Status</c> does it.</summary>
    public static string Activate(LazadaRemoteId id, string sellerSku) => Product(new JsonObject
    {
        ["ItemId"] = Invariant(id.ItemId),
        ["Skus"] = new JsonObject
        {
            ["Sku"] = new JsonArray(new JsonObject { ["SkuId"] = Invariant(id.SkuId), ["SellerSku"] = sellerSku, ["Status"] = "active" }),
        },
    });

    public static string Prices(IEnumerable<(LazadaRemoteId Id, string SellerSku, long PriceVnd)> items) =>
        Skus(items.Select(i => SkuElement(i.Id, i.SellerSku, new XElement("Price", Invariant(i.PriceVnd)))));

    /// <summary>Absolute sellable stock (safe to resend), never the delta API.</summary>
    public static string Stocks(IEnumerable<(LazadaRemoteId Id, string SellerSku, int Stock)> items) =>
        Skus(items.Select(i => SkuElement(i.Id, i.SellerSku, new XElement("SellableQuantity", Invariant(i.Stock)))));

    /// <summary>SKUs by SkuId: SellerSku is no longer accepted here (4193).</summary>
    public static string Deactivate(LazadaRemoteId id) => Xml(new XElement("Request", new XElement("Product",
        new XElement("ItemId", Invariant(id.ItemId)),
        new XElement("Skus", new XElement("Sku", new XElement("SkuId", Invariant(id.SkuId)))))));

    public static string MigrateImage(string url) => Xml(new XElement("Request", new XElement("Image", new XElement("Url", url))));

    /// <summary>The Lazada attributes a create sends: name, description, brand, the mapped listing attributes, the fixed ones.</summary>
    public static JsonObject AttributesOf(ListingContent content, LazadaChannelOptions options)
    {
        var attributes = new JsonObject { ["name"] = content.Title, ["description"] = content.Description, ["brand"] = options.Brand };
        foreach (var (ours, value) in content.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (options.AttributeMap.TryGetValue(ours, out var theirs))
            {
                attributes[theirs] = value;
            }
        }

        foreach (var (name, value) in options.ProductAttributes)
        {
            attributes[name] = value;
        }

        return attributes;
    }

    private static JsonObject PackageOf(ListingContent content, LazadaChannelOptions options) => new()
    {
        // Kilograms, with a dot whatever the server's culture.
        ["package_weight"] = ((content.WeightGrams ?? options.DefaultWeightGrams) / 1000m).ToString("0.###", CultureInfo.InvariantCulture),
        ["package_length"] = Invariant(options.PackageLengthCm),
        ["package_width"] = Invariant(options.PackageWidthCm),
        ["package_height"] = Invariant(options.PackageHeightCm),
    };

    private static string Product(JsonObject product) =>
        new JsonObject { ["Request"] = new JsonObject { ["Product"] = product } }.ToJsonString(Json);

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static XElement SkuElement(LazadaRemoteId id, string sellerSku, XElement value) => new("Sku",
        new XElement("ItemId", Invariant(id.ItemId)), new XElement("SkuId", Invariant(id.SkuId)), new XElement("SellerSku", sellerSku), value);

    private static string Skus(IEnumerable<XElement> skus) =>
        Xml(new XElement("Request", new XElement("Product", new XElement("Skus", skus))));

    private static string Xml(XElement element) => element.ToString(SaveOptions.DisableFormatting);

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
