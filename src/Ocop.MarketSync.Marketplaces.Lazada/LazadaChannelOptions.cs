namespace Ocop.MarketSync.Marketplaces.Lazada;

/// <summary>
/// Section <c>Channels:{id}:Lazada</c>: what only the Lazada adapter needs to know of a channel whose
/// <c>Marketplace</c> is <c>lazada</c>. No secrets here: the app key and secret are read from
/// <c>{CredentialsRef}:AppKey</c> and <c>{CredentialsRef}:AppSecret</c>. Checked at start; a bad value names its key.
/// </summary>
public sealed class LazadaChannelOptions
{
    /// <summary>Token endpoints live on their own host, not on the country gateway. Default <c>https://auth.lazada.com/rest</c>.</summary>
    public Uri AuthBaseUrl { get; set; } = new("https://auth.lazada.com/rest");

    /// <summary>The country of the shop (<c>country_user_info[].country</c>), used to pick the seller id from a token answer. Default <c>vn</c>.</summary>
    public string Country { get; set; } = "vn";

    /// <summary>The shop's Lazada seller id: webhooks name the shop by it. Required for webhooks to reach this channel.</summary>
    public string? SellerId { get; set; }

    /// <summary>Brand attribute sent on create. Default "No Brand" (allowed outside LazMall).</summary>
    public string Brand { get; set; } = "No Brand";

    /// <summary>Package weight when the listing has none, in grams (Lazada wants kilograms; at most 40 kg). Default 500.</summary>
    public int DefaultWeightGrams { get; set; } = 500;

    /// <summary>Package size in centimetres (L + W + H at most 300). Defaults 20 × 15 × 10.</summary>
    public int PackageLengthCm { get; set; } = 20;

    public int PackageWidthCm { get; set; } = 15;

    public int PackageHeightCm { get; set; } = 10;

    /// <summary>
    /// Listing attribute (our key, e.g. <c>origin</c>, <c>shelfLife</c>) → Lazada attribute name of the category
    /// (e.g. <c>country_origin_vn</c>, <c>shelf_life</c>). Unmapped listing attributes are not sent.
    /// </summary>
    public Dictionary<string, string> AttributeMap { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Fixed product attributes sent on every create and update (e.g. <c>warranty_type</c>).</summary>
    public Dictionary<string, string> ProductAttributes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Fixed SKU attributes sent on every create, e.g. the logistics options <c>delivery_option_economy=Yes</c>.</summary>
    public Dictionary<string, string> SkuAttributes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Lazada attributes every create must carry (after mapping and fixed values); a listing without one is rejected
    /// before any call. Only what every category needs belongs here: see <see cref="RequiredAttributesByCategory"/>.
    /// </summary>
    public List<string> RequiredAttributes { get; set; } = [];

    /// <summary>
    /// Lazada category id → Lazada attributes mandatory in that category only (e.g. <c>shelf_life</c> for food, which a
    /// handicraft has none of), as <c>/category/attributes/get</c> reports them (<c>is_mandatory</c>). Added to
    /// <see cref="RequiredAttributes"/> for listings of that category. Default: none.
    /// </summary>
    public Dictionary<string, List<string>> RequiredAttributesByCategory { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Image hosts that are already Lazada's: their URLs are used as they are, others are migrated first. Default <c>slatic.net</c>.</summary>
    public List<string> HostedImageHosts { get; set; } = ["slatic.net"];

    /// <summary>SKUs per price or stock call, 1–50 (Lazada's maximum; 20 recommended). Default 20.</summary>
    public int UpdateBatchSize { get; set; } = 20;

    /// <summary>Products per <c>/products/get</c> page and SKUs per lookup, 1–50. Default 50.</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>
    /// The deepest offset <c>/products/get</c> accepts, 1–10,000 (Lazada's cap). Paging splits update-time windows
    /// that hold more. Lower it only if Lazada lowers its cap (or to exercise the splitting against a simulator).
    /// </summary>
    public int OffsetCap { get; set; } = LazadaCapabilities.MaxOffset;

    /// <summary>Calls per second this shop makes (above 0, at most 50). Default 5, well under the per-API QPS limits.</summary>
    public double RequestsPerSecond { get; set; } = 5;

    /// <summary>How long one HTTP attempt may take, 1 s–10 min. Default 30 s (create is slow).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait before the one retry of a failed read, 0–1 min. Default 1 s ("retry in the next second").</summary>
    public TimeSpan ReadRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a change blocked by a campaign lock (4170) is parked, 1 min–7 days. Default 1 hour.</summary>
    public TimeSpan CampaignLockRetryAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Reconciliation pages items updated from this instant on. Default 2012-01-01 (before Lazada VN).</summary>
    public DateTimeOffset ReconcileFrom { get; set; } = new(2012, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
