namespace Ocop.MarketSync.Marketplaces.Sendo;

/// <summary>
/// Section <c>Channels:{id}:Sendo</c>: what only the Sendo adapter needs of a channel (no secrets; the shop's keys
/// and the webhook secret come from <c>{CredentialsRef}:ShopKey</c> / <c>:SecretKey</c> / <c>:WebhookSecret</c>). Checked at start; a bad value names its key.
/// </summary>
public sealed class SendoChannelOptions
{
    /// <summary>Package weight when a listing has none, in grams, 1–1,000,000. Default 500.</summary>
    public int DefaultWeightGrams { get; set; } = 500;

    /// <summary>Sendo's unit id of the product (<c>unit_id</c>; 1 = piece). Default 1.</summary>
    public int UnitId { get; set; } = 1;

    /// <summary>Product page link; <c>{productId}</c> is replaced. Default the Sendo product page by id.</summary>
    public string ProductUrlTemplate { get; set; } = "https://www.sendo.vn/san-pham/{productId}";

    /// <summary>
    /// Calls per second the engine may make for this shop, above 0 and at most 10. Sendo publishes no API limit
    /// besides login (5/s per IP), so the default of 2 is deliberately low: a small marketplace's gateway, and every
    /// price or stock change costs two calls (read, then write the whole product).
    /// </summary>
    public double RequestsPerSecond { get; set; } = 2;

    /// <summary>How long a change to a product pending Sendo's review (status 1) is parked. Default 1 hour.</summary>
    public TimeSpan PendingReviewRetryAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Reconciliation searches products updated from this day (<c>date_from</c>). Default 2015-01-01.</summary>
    public DateOnly SearchFrom { get; set; } = new(2015, 1, 1);

    /// <summary>How long one HTTP attempt may take, 1 s–10 min. Default 20 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Wait before the one retry of a failed read (GET), 0–1 min. Default 500 ms.</summary>
    public TimeSpan ReadRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
