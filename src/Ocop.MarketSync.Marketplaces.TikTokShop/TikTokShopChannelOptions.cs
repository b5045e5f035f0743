namespace Ocop.MarketSync.Marketplaces.TikTokShop;

/// <summary>
/// Section <c>Channels:{id}:TikTokShop</c>: what only the TikTok Shop adapter needs of a channel (no secrets; the
/// app key and secret come from <c>{CredentialsRef}:AppKey</c> / <c>:AppSecret</c>). Checked at start; a bad value
/// names its key.
/// </summary>
public sealed class TikTokShopChannelOptions
{
    /// <summary>The shop's id as TikTok sends it in webhooks; routes a webhook to this channel. Required.</summary>
    public string ShopId { get; set; } = string.Empty;

    /// <summary>Token host (a different host from the API). Default <c>https://auth.tiktok-shops.com/</c>.</summary>
    public Uri AuthBaseUrl { get; set; } = new("https://auth.tiktok-shops.com/");

    /// <summary>The warehouse whose stock the channel sets (<c>GET /logistics/202309/warehouses</c>). Required.</summary>
    public string WarehouseId { get; set; } = string.Empty;

    /// <summary>Brand id; empty means "No Brand" (the field is left out, which TikTok accepts for unbranded goods).</summary>
    public string? BrandId { get; set; }

    /// <summary>Package weight when a listing has none, in grams, 1–100000. Default 500.</summary>
    public int DefaultWeightGrams { get; set; } = 500;

    /// <summary>Package size in centimetres (TikTok pairs CENTIMETER with KILOGRAM). Default 15 × 15 × 10.</summary>
    public int PackageLengthCm { get; set; } = 15;

    public int PackageWidthCm { get; set; } = 15;

    public int PackageHeightCm { get; set; } = 10;

    /// <summary>Delivery option ids to restrict the listing to; empty: the shop's defaults.</summary>
    public List<string> DeliveryOptionIds { get; set; } = [];

    /// <summary>
    /// Our listing attribute key (e.g. <c>origin.province</c>, <c>shelfLifeDays</c>) → TikTok product attribute id
    /// of the categories used (from <c>GET /product/202309/categories/{id}/attributes</c>). Mandatory attributes
    /// such as origin and shelf life must be mapped here.
    /// </summary>
    public Dictionary<string, string> AttributeIds { get; set; } = [];

    /// <summary>Product page link; <c>{productId}</c> is replaced. Default the public TikTok Shop product page.</summary>
    public string ProductUrlTemplate { get; set; } = "https://shop.tiktok.com/view/product/{productId}?region=VN";

    /// <summary>Calls per second the engine may make for this shop (TikTok allows 50 per API per app and shop). Default 20.</summary>
    public double RequestsPerSecond { get; set; } = 20;

    /// <summary>
    /// Most products the shop may create per day: new or probation shops get about 100 (MARKETPLACES.md §4.6); null
    /// (default) for none. Creates beyond it wait for the next day, visibly, without failing.
    /// </summary>
    public int? DailyCreateQuota { get; set; }

    /// <summary>How long a change locked by a promotion (12052038) is parked. Default 6 hours.</summary>
    public TimeSpan PromotionLockRetryAfter { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long one HTTP attempt may take, 1 s–10 min. Default 20 s (image uploads are slow).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Wait before the one retry of a failed read (GET), 0–1 min. Default 500 ms.</summary>
    public TimeSpan ReadRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
