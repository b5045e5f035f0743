namespace Ocop.MarketSync.Marketplaces.Shopee;

/// <summary>
/// Section <c>Channels:{id}:Shopee</c>: the non-secret settings of a channel whose <c>Marketplace</c> is <c>shopee</c>.
/// The partner id and key are not here but under <c>{CredentialsRef}:PartnerId</c> and <c>{CredentialsRef}:PartnerKey</c>.
/// Checked at start; a bad value names its key.
/// </summary>
public sealed class ShopeeChannelOptions
{
    /// <summary>The shop's shop_id (required): signed into every shop call and used to route push messages to this channel.</summary>
    public long ShopId { get; set; }

    /// <summary>Listing pages are <c>{ItemUrlBase}{shop_id}/{item_id}</c>. Default <c>https://shopee.vn/product/</c>.</summary>
    public Uri ItemUrlBase { get; set; } = new("https://shopee.vn/product/");

    /// <summary>Logistics channels enabled on every new item (at least one; ids from <c>logistics.get_channel_list</c>).</summary>
    public List<long> LogisticIds { get; set; } = [];

    /// <summary>Package weight in kg when the listing has none (Shopee requires a weight). Default 0.5.</summary>
    public decimal DefaultWeightKg { get; set; } = 0.5m;

    /// <summary>Package size in cm, sent when all three are set (mandatory in some categories).</summary>
    public int? PackageLengthCm { get; set; }

    public int? PackageWidthCm { get; set; }

    public int? PackageHeightCm { get; set; }

    /// <summary>Brand id; 0 with <see cref="BrandName"/> "No Brand" is accepted in most categories.</summary>
    public long BrandId { get; set; }

    public string BrandName { get; set; } = "No Brand";

    /// <summary>Item condition. Default NEW.</summary>
    public string Condition { get; set; } = "NEW";

    /// <summary>Listing attribute key (e.g. <c>origin.province</c>, <c>shelfLifeDays</c>) → Shopee attribute_id.</summary>
    public Dictionary<string, long> AttributeIds { get; set; } = [];

    /// <summary>Attribute keys every listing must carry (each must be in <see cref="AttributeIds"/>); a listing without one is rejected before any call.</summary>
    public List<string> RequiredAttributes { get; set; } = [];

    /// <summary>
    /// Shopee category id → attribute keys mandatory in that category only (e.g. shelf life for food, not for
    /// handicrafts), as <c>get_attributes</c> reports them. Added to <see cref="RequiredAttributes"/>.
    /// </summary>
    public Dictionary<string, List<string>> RequiredAttributesByCategory { get; set; } = [];

    /// <summary>Warehouse location_id for stock, only for multi-warehouse shops.</summary>
    public string? LocationId { get; set; }

    /// <summary>Title limit in characters (Shopee counts characters; per category in <c>get_item_limit</c>). Default 120.</summary>
    public int TitleMaxChars { get; set; } = 120;

    /// <summary>Description limit in characters. Default 3000.</summary>
    public int DescriptionMaxChars { get; set; } = 3000;

    /// <summary>Calls per second this shop makes. Shopee publishes no number; a few per second is ample. Default 5.</summary>
    public double RequestsPerSecond { get; set; } = 5;

    /// <summary>How long one HTTP attempt may take. Default 15 s (image uploads are slow).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Wait before the one retry of a failed read. Default 500 ms.</summary>
    public TimeSpan ReadRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a change locked by a promotion or holiday mode is parked. Default 1 hour.</summary>
    public TimeSpan PromotionRetryAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Reconciliation walks update_time windows from here (offsets are capped). Default 2020-01-01.</summary>
    public DateTimeOffset ReconcileSince { get; set; } = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Length of one update_time window. Default 15 days (the longest range Shopee's list APIs are known to take).</summary>
    public TimeSpan ReconcileWindow { get; set; } = TimeSpan.FromDays(15);

    /// <summary>
    /// The push callback URL exactly as registered in the Shopee console (it is signed). Default: the URL the
    /// request arrived at, which differs behind a TLS-terminating proxy.
    /// </summary>
    public Uri? PushCallbackUrl { get; set; }
}
