namespace Ocop.MarketSync.Marketplaces.Tiki;

/// <summary>How the app authenticates to Tiki's OAuth2 server (MARKETPLACES.md §5.1).</summary>
public enum TikiAppType
{
    /// <summary>A public (multi-seller) app: the seller consents, the code is exchanged, refresh tokens rotate.</summary>
    Public,

    /// <summary>An in-house app for our own shop: <c>client_credentials</c>, no refresh token, a new token before expiry.</summary>
    InHouse,
}

/// <summary>Where the app's client id and secret go on the token call: the app is registered for one, the other fails (§5.6).</summary>
public enum TikiClientAuth
{
    /// <summary>HTTP Basic <c>client_id:client_secret</c>.</summary>
    Basic,

    /// <summary><c>client_id</c> and <c>client_secret</c> as form fields.</summary>
    Form,
}

/// <summary>
/// Section <c>Channels:{id}:Tiki</c>: what only the Tiki adapter needs of a channel (no secrets; the client id and
/// secret come from <c>{CredentialsRef}:ClientId</c> / <c>:ClientSecret</c>). Checked at start; a bad value names its key.
/// </summary>
public sealed class TikiChannelOptions
{
    /// <summary>OAuth2 host; tokens at <c>{AuthBaseUrl}sc/oauth2/token</c>. Default <c>https://api.tiki.vn/</c>.</summary>
    public Uri AuthBaseUrl { get; set; } = new("https://api.tiki.vn/");

    public TikiAppType AppType { get; set; } = TikiAppType.Public;

    public TikiClientAuth ClientAuth { get; set; } = TikiClientAuth.Basic;

    /// <summary>The redirect URI registered for the app; required for <see cref="TikiAppType.Public"/> (the code exchange repeats it).</summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>The seller warehouse whose stock the channel sets (<c>warehouse_quantities</c>). Required, a number.</summary>
    public string WarehouseId { get; set; } = string.Empty;

    /// <summary>Tiki's <c>inventory_type</c> for new products. Default <c>dropship</c>: the seller keeps and ships the stock [unverified choice].</summary>
    public string InventoryType { get; set; } = "dropship";

    /// <summary>Brand sent in <c>attributes.brand</c> when the listing has none. Default "OEM" [unverified: Tiki's no-brand value].</summary>
    public string Brand { get; set; } = "OEM";

    /// <summary>Our listing attribute key (e.g. <c>origin.province</c>) → Tiki attribute code (e.g. <c>origin</c>).</summary>
    public Dictionary<string, string> AttributeCodes { get; set; } = [];

    /// <summary>Product page link; <c>{productId}</c> is replaced. Default Tiki's product page by id.</summary>
    public string ProductUrlTemplate { get; set; } = "https://tiki.vn/p{productId}.html";

    /// <summary>The event queue's code (<c>POST /integration/v1/queues</c>), or empty when the channel pulls no events.</summary>
    public string? EventQueueCode { get; set; }

    /// <summary>Reconciliation reads products updated from this instant on. Default 2015-01-01 (before any OCOP listing).</summary>
    public DateTimeOffset ReconcileFrom { get; set; } = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Most results Tiki returns for one list query (10,000, #243): reconciliation splits a time window whose total
    /// reaches it. Configurable only in case Tiki changes the cap (and for the simulator's tests). Default 10,000.
    /// </summary>
    public int ListResultCap { get; set; } = TikiCapabilities.ResultCap;

    /// <summary>Calls per second the engine may make for this shop (Tiki allows 200 per seller). Default 50.</summary>
    public double RequestsPerSecond { get; set; } = 50;

    /// <summary>Wait when a 429 names no Retry-After (Tiki documents none). Default 1 s.</summary>
    public TimeSpan RateLimitRetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one HTTP attempt may take, 1 s–10 min. Default 20 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Wait before the one retry of a failed read (GET), 0–1 min. Default 500 ms.</summary>
    public TimeSpan ReadRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
