namespace Ocop.MarketSync.Sandbox.Shopee;

/// <summary>The simulated Shopee app and its limits. Defaults follow MARKETPLACES.md §2; tests shrink them.</summary>
public sealed record ShopeeSimulatorOptions
{
    public long PartnerId { get; init; } = 2001887;

    public string PartnerKey { get; init; } = "sim-partner-key";

    /// <summary>Shops that may authorise the app.</summary>
    public IReadOnlyList<long> ShopIds { get; init; } = [322300222];

    /// <summary>How far a request's timestamp may be from the simulator's clock. Default 5 minutes.</summary>
    public TimeSpan TimestampTolerance { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromHours(4);

    public TimeSpan CodeLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>get_item_list refuses offset + page_size beyond this ("offset over limit").</summary>
    public int MaxListOffset { get; init; } = 10_000;

    /// <summary>Longest update_time_from/to range get_item_list takes. Default 15 days.</summary>
    public TimeSpan MaxListWindow { get; init; } = TimeSpan.FromDays(15);

    /// <summary>Calls per second per shop; 0 or less: no limit.</summary>
    public double RequestsPerSecond { get; init; }

    public int Burst { get; init; } = 10;

    public int MaxTitleChars { get; init; } = 120;
}
