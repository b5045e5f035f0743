namespace Ocop.MarketSync.Sandbox.Tiki;

/// <summary>Where the simulated token endpoint expects the app's client id and secret (Tiki registers one way per app).</summary>
public enum TikiSimulatorClientAuth
{
    Basic,
    Form,
}

/// <summary>The simulated app, seller and limits. Defaults are Tiki's published ones where there are any (MARKETPLACES.md §5).</summary>
public sealed class TikiSimulatorOptions
{
    public string ClientId { get; set; } = "sim-tiki-client";

    public string ClientSecret { get; set; } = "sim-tiki-secret";

    /// <summary>The other way of sending the client's credentials is refused with invalid_client.</summary>
    public TikiSimulatorClientAuth ClientAuth { get; set; } = TikiSimulatorClientAuth.Basic;

    public long SellerId { get; set; } = 1234567;

    public string SellerName { get; set; } = "Cửa hàng OCOP mô phỏng";

    /// <summary>The seller-side switch that lets apps update products (sellers/me <c>can_update_product</c>).</summary>
    public bool CanUpdateProduct { get; set; } = true;

    public long WarehouseId { get; set; } = 41;

    /// <summary>Tiki's example answers <c>expires_in</c> 3,600 (§5.6).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan AuthCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Time each review state lasts (queuing → processing → bot_awaiting_approve → awaiting_approve → decision); zero: decided at once.</summary>
    public TimeSpan ReviewStepDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Product names containing one of these (case-insensitive) are rejected in review.</summary>
    public List<string> BannedWords { get; set; } = ["chữa bệnh", "thần dược"];

    /// <summary>Requests per second per seller (Tiki: 200); 0 or less: no limit.</summary>
    public double RequestsPerSecond { get; set; } = 200;

    public int Burst { get; set; } = 200;

    /// <summary>At most this many results per list query (Tiki: 10,000, #243).</summary>
    public int MaxResults { get; set; } = 10_000;

    public int MaxPageSize { get; set; } = 100;

    /// <summary>Events per pull.</summary>
    public int MaxEventsPerPull { get; set; } = 50;

    /// <summary>Bug #295: updateSkus answers success and changes nothing.</summary>
    public bool SuccessWithoutChange { get; set; }
}
