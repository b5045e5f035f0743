namespace Ocop.MarketSync.Sync.Channels;

/// <summary>
/// One shop on one marketplace: section <c>Channels:{id}</c>. Marketplace credentials are not here: only the
/// name of where to find them (<see cref="CredentialsRef"/>), so config/ stays free of secrets.
/// </summary>
public sealed class ChannelOptions
{
    /// <summary>Set from the section key (e.g. <c>Channels:shopee-hcm</c> → <c>shopee-hcm</c>).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The adapter: <c>sandbox</c> now; <c>shopee</c>, <c>lazada</c>, <c>tiktokshop</c> with their adapters.</summary>
    public string Marketplace { get; set; } = string.Empty;

    public bool Enabled { get; set; } = true;

    /// <summary>Base address of the marketplace API (the embedded default points it at an in-process sandbox).</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Name of the secret holding the shop's keys (environment variable prefix or secret-store key).</summary>
    public string? CredentialsRef { get; set; }

    /// <summary>OCOP product set (1–26, DOMAIN.md §1.5) → the marketplace's category id. A set without a category is not listed.</summary>
    public Dictionary<int, string> Categories { get; set; } = [];

    public PriceRuleOptions Price { get; set; } = new();

    public StockRuleOptions Stock { get; set; } = new();

    /// <summary>Title template: <c>{name}</c> and <c>{stars}</c>. Default "{name} – OCOP {stars}★".</summary>
    public string TitleTemplate { get; set; } = "{name} – OCOP {stars}★";

    /// <summary>Most listings one lane claims at a time (lanes claim less: one lookup call's worth, less towards the end). Default 200.</summary>
    public int ClaimBatchSize { get; set; } = 200;

    /// <summary>
    /// Most marketplace calls in flight at once for this channel, 1–64: the lanes of a push. The pace, not this,
    /// keeps the shop's rate; this must cover latency × rate (150 ms × 50/s needs 8). Default 8.
    /// </summary>
    public int MaxInFlight { get; set; } = 8;

    /// <summary>
    /// How long a claim holds: longer than a batch takes, short enough that the rows of a pusher that died come
    /// back soon. Default 2 minutes.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>How the channel price is derived from the registry price.</summary>
public sealed class PriceRuleOptions
{
    /// <summary>Markup on the registry price, in percent (may be negative only with <see cref="AllowBelowRegistryPrice"/>).</summary>
    public decimal MarkupPercent { get; set; }

    /// <summary>Round to a multiple of this many đồng (half up). Default 1,000.</summary>
    public long RoundTo { get; set; } = 1000;

    /// <summary>Allow a channel price below the registry price. Default false: never undercut the producer's price.</summary>
    public bool AllowBelowRegistryPrice { get; set; }

    /// <summary>A change of more than this percent against the pushed price is held until staff approve it (PriceHold). Default 50.</summary>
    public decimal HoldChangeAbovePercent { get; set; } = 50;

    /// <summary>
    /// A sanity ceiling: a price above this many đồng is held for staff approval whether or not it changed much (a new
    /// listing is not created until approved). Default 100,000,000 — above any OCOP product the sample shows, far
    /// below a registry typo of several extra zeros.
    /// </summary>
    public long HoldAboveVnd { get; set; } = 100_000_000;
}

/// <summary>How much of the producer's stock the channel offers.</summary>
public sealed class StockRuleOptions
{
    /// <summary>Units kept back from every channel (sold offline, breakage). Default 0.</summary>
    public int SafetyBuffer { get; set; }

    /// <summary>Share of the remaining stock offered on this channel, in percent (several channels share one stock). Default 100.</summary>
    public decimal SharePercent { get; set; } = 100;

    /// <summary>Never offer more than this many units (null: no cap).</summary>
    public int? Maximum { get; set; }
}
