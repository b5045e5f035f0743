namespace Ocop.MarketSync.Marketplaces.Sandbox;

/// <summary>
/// Section <c>Channels:{id}:Sandbox</c>: what only the sandbox adapter needs to know of a channel whose
/// <c>Marketplace</c> is <c>sandbox</c>. The limits default to the sandbox marketplace's own defaults; when a sandbox
/// is started with other limits, set the same numbers here. Checked at start; a bad value names its key.
/// </summary>
public sealed class SandboxChannelOptions
{
    /// <summary>Whether this shop may list services (OCOP group VI). Default false, as most marketplaces.</summary>
    public bool SellsServices { get; set; }

    /// <summary>Items per create or update call, 1–1000. Default 50.</summary>
    public int WriteBatchSize { get; set; } = 50;

    /// <summary>SKUs per lookup call, 1–1000. Default 100.</summary>
    public int LookupBatchSize { get; set; } = 100;

    /// <summary>Items per page when paging remote items, 1–1000. Default 100.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Calls per second the shop may make (above 0). Default 50.</summary>
    public double RequestsPerSecond { get; set; } = 50;

    /// <summary>Most items the shop may create per day, or null (default) for no quota.</summary>
    public int? DailyCreateQuota { get; set; }

    /// <summary>Highest price the sandbox shop takes, in đồng. Default 120,000,000 (Shopee Vietnam's usual bound).</summary>
    public long MaxPriceVnd { get; set; } = 120_000_000;

    /// <summary>Most units one listing may offer. Default 999,999.</summary>
    public int MaxStock { get; set; } = 999_999;

    /// <summary>How long one HTTP attempt may take, 10 ms–10 min. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether each picture is uploaded (<c>POST /api/v1/media/upload-image</c>, one call per distinct picture of a
    /// batch) before a create or content update, which then carries the image ids instead of the URLs: how Shopee and
    /// TikTok Shop take images, and what a sandbox started with <c>RequireUploadedImages</c> demands. An item whose
    /// upload fails fails with that error and is not sent. Default false: URLs are sent as they are.
    /// </summary>
    public bool UploadImages { get; set; }

    /// <summary>Wait before the one retry of a failed read (lookups, paging), 0–1 min. Default 500 ms.</summary>
    public TimeSpan ReadRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
