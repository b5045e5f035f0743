namespace Ocop.MarketSync.Sandbox.Sendo;

/// <summary>The simulated shop and Sendo's limits (MARKETPLACES.md §6). Defaults are Sendo's where known.</summary>
public sealed class SendoSimulatorOptions
{
    public string ShopKey { get; set; } = "sim-shop-key";

    public string SecretKey { get; set; } = "sim-secret-key";

    public long StoreId { get; set; } = 900_001;

    /// <summary>Logins per second per client IP (§6.5: 5); beyond, 429. 0 or less: no limit.</summary>
    public int LoginsPerSecond { get; set; } = 5;

    /// <summary>How long a token lasts (§6.5: 8 hours).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long a new product stays pending review (status 1) before it sells (2). Zero: it sells at once.</summary>
    public TimeSpan ReviewDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Products per search page (§6.2: 50).</summary>
    public int MaxPageSize { get; set; } = 50;

    /// <summary>Where to post product webhooks (Sendo's are unsigned), or null for none.</summary>
    public Uri? WebhookUrl { get; set; }
}
