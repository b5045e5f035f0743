namespace Ocop.MarketSync.Sandbox.TikTokShop;

/// <summary>The simulated app, shop and limits. Defaults are TikTok's published ones where there are any.</summary>
public sealed class TikTokShopSimulatorOptions
{
    public string AppKey { get; set; } = "sim-app-key";

    public string AppSecret { get; set; } = "sim-app-secret";

    public string ShopId { get; set; } = "7494000000000000001";

    public string ShopCipher { get; set; } = "ROW_sim-cipher-0001";

    public string ShopName { get; set; } = "Cửa hàng OCOP mô phỏng";

    public string WarehouseId { get; set; } = "7068517275539719942";

    /// <summary>Requests per second per API path (TikTok: 50 per API per app and shop); 0 or less: no limit.</summary>
    public double RequestsPerSecond { get; set; } = 50;

    /// <summary>Requests a path may take at once before the rate applies.</summary>
    public int Burst { get; set; } = 50;

    /// <summary>Product ids per activate / deactivate call.</summary>
    public int MaxStatusBatch { get; set; } = 20;

    /// <summary>Products per search page.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Signed timestamps are accepted from this long ago…</summary>
    public TimeSpan TimestampPast { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>…to this far ahead.</summary>
    public TimeSpan TimestampFuture { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Auth codes work once, within this time.</summary>
    public TimeSpan AuthCodeLifetime { get; set; } = TimeSpan.FromMinutes(30);
}
