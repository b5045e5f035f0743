namespace Ocop.MarketSync.Sandbox.Lazada;

/// <summary>The simulated Lazada app and shop, and the limits the simulator enforces (Lazada's own by default).</summary>
public sealed class LazadaSimulatorOptions
{
    public string AppKey { get; set; } = "100001";

    public string AppSecret { get; set; } = "simulator-app-secret";

    /// <summary>The one shop the simulator hosts (<c>country_user_info[].seller_id</c>).</summary>
    public string SellerId { get; set; } = "200000123";

    public string Country { get; set; } = "vn";

    /// <summary>Calls per second across the app before <c>ApiCallLimit</c>. Default 1000 (tests lower it).</summary>
    public double RequestsPerSecond { get; set; } = 1000;

    /// <summary>SKUs per price/stock call (Lazada: 50).</summary>
    public int MaxSkusPerCall { get; set; } = 50;

    /// <summary><c>/products/get</c> limit (Lazada: 50).</summary>
    public int MaxPageSize { get; set; } = 50;

    /// <summary><c>/products/get</c> offset cap (Lazada: 10,000).</summary>
    public int MaxOffset { get; set; } = 10_000;

    /// <summary>How far the request timestamp may be from the simulator's clock (Lazada: 7200 s).</summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromSeconds(7200);

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Authorisation codes are valid about 30 minutes, once.</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(30);
}
