namespace Ocop.MarketSync.Sync.Marketplaces;

/// <summary>The operations of the marketplace port, each with its own batch size.</summary>
public enum MarketplaceOperation
{
    Create,
    UpdateContent,
    UpdatePrice,
    UpdateStock,
    SetStatus,
    FindBySellerSku,
    PageItems,

    /// <summary>Asks where reviews stand (<see cref="IReviewingMarketplaceClient"/>); only marketplaces that review content.</summary>
    TrackReviews,
}

/// <summary>
/// What a marketplace adapter can do and within which limits. The engine plans its calls from these numbers
/// (batch sizes, rate), and the planner fits titles and descriptions to the limits.
/// </summary>
public sealed record MarketplaceCapabilities
{
    public required string Marketplace { get; init; }

    /// <summary>Most items per call, per operation. An operation missing here is not supported.</summary>
    public required IReadOnlyDictionary<MarketplaceOperation, int> BatchSize { get; init; }

    /// <summary>
    /// Sustained HTTP requests per second the marketplace allows this shop, all APIs together. The engine paces every
    /// request of the channel below it (ChannelPacers); it never needs a client to read it.
    /// </summary>
    public required double RequestsPerSecond { get; init; }

    /// <summary>
    /// Where the marketplace also limits each API on its own (TikTok: 50 QPS per API per app and shop), the calls per
    /// second of that operation. An operation missing here is bound by <see cref="RequestsPerSecond"/> only.
    /// </summary>
    public IReadOnlyDictionary<MarketplaceOperation, double> OperationRequestsPerSecond { get; init; } =
        new Dictionary<MarketplaceOperation, double>();

    /// <summary>
    /// Most items the shop may create per day (TikTok limits new shops, about 100 a day), or null for no known quota.
    /// Creates beyond it wait for the next day instead of failing.
    /// </summary>
    public int? DailyCreateQuota { get; init; }

    /// <summary>
    /// The lowest price the marketplace takes, in whole đồng, or null where none is known. A listing priced outside
    /// <see cref="MinPriceVnd"/>–<see cref="MaxPriceVnd"/> is not created (the planner's <c>price.outOfRange</c>); a
    /// live one keeps its price on the marketplace until the registry corrects it.
    /// </summary>
    public long? MinPriceVnd { get; init; }

    /// <summary>The highest price the marketplace takes, in whole đồng, or null where none is documented.</summary>
    public long? MaxPriceVnd { get; init; }

    /// <summary>The most units one listing may offer, or null where none is known; more is offered as this many.</summary>
    public int? MaxStock { get; init; }

    /// <summary>
    /// The fewest and most characters the marketplace takes in a seller SKU (Sendo: 3–45), or null where none is
    /// known. A listing whose SKU is outside is not created (the planner's <c>sku.length</c>).
    /// </summary>
    public int? SellerSkuMinChars { get; init; }

    public int? SellerSkuMaxChars { get; init; }

    /// <summary>
    /// The shortest description the marketplace takes, in characters (Sendo: 100), or null for none. A listing whose
    /// description is shorter is not created (the planner's <c>description.tooShort</c>): padding it would be dishonest.
    /// </summary>
    public int? DescriptionMinChars { get; init; }

    /// <summary>The most images per listing (Sendo: 20), or null for none; more are trimmed to the first ones (<c>images.trimmed</c>).</summary>
    public int? MaxImages { get; init; }

    /// <summary>
    /// The longest wait between two questions about one open review (<see cref="IReviewingMarketplaceClient"/>). A
    /// ticket is asked about again after a quarter of its age, up to this: a request sent a minute ago is asked at the
    /// next push, one an hour old every 10 minutes, so slow reviews do not cost a call per listing per push (Tiki asks one
    /// ticket per call: 15,000 open requests asked every minute would be 250 calls/s). Zero asks at every push (a sheet
    /// channel's tickets are a database read).
    /// </summary>
    public TimeSpan MaxReviewRecheck { get; init; } = TimeSpan.FromMinutes(10);

    public required int TitleMaxChars { get; init; }

    /// <summary>Some marketplaces count bytes of UTF-8 (Vietnamese letters take 2–3 bytes each).</summary>
    public required int TitleMaxBytes { get; init; }

    public required int DescriptionMaxChars { get; init; }
    public required int DescriptionMaxBytes { get; init; }

    /// <summary>Whether the description may carry the sanitised HTML subset, or must be plain text.</summary>
    public bool AcceptsHtmlDescription { get; init; }

    /// <summary>Whether services (OCOP group VI, e.g. homestays) may be listed: most marketplaces ship goods only.</summary>
    public bool SellsServices { get; init; }

    public int BatchSizeOf(MarketplaceOperation operation) =>
        BatchSize.TryGetValue(operation, out var size) ? size
            : throw new NotSupportedException($"{Marketplace} does not support {operation}.");
}
