namespace Ocop.MarketSync.Sync.Marketplaces;

/// <summary>Everything a marketplace shows of a listing except price, stock and status.</summary>
public sealed record ListingContent
{
    public required string SellerSku { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string CategoryId { get; init; }
    public required IReadOnlyList<string> Images { get; init; }
    public string? Gtin { get; init; }
    public int? WeightGrams { get; init; }

    /// <summary>Marketplace attributes: origin province, producer, stars, certificate number and expiry, traceability link.</summary>
    public required IReadOnlyDictionary<string, string> Attributes { get; init; }
}

/// <summary>A create carries every aspect at once.</summary>
public sealed record CreateListing(ListingContent Content, long PriceVnd, int Stock, bool Active);

public sealed record ContentUpdate(string RemoteId, ListingContent Content);

/// <summary>Whole đồng: VND has no minor unit.</summary>
public sealed record PriceUpdate(string RemoteId, string SellerSku, long PriceVnd);

public sealed record StockUpdate(string RemoteId, string SellerSku, int Stock);

/// <summary>Delist (false) or relist (true).</summary>
public sealed record StatusUpdate(string RemoteId, string SellerSku, bool Active);

/// <summary>A remote item as the marketplace reports it.</summary>
public sealed record RemoteItem(
    string RemoteId,
    string SellerSku,
    string? Url,
    string Title,
    long PriceVnd,
    int Stock,
    bool Active,
    bool Banned,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The marketplace's request id of the read that reported the item (kept when a lookup adopts it).</summary>
    public string? RequestId { get; init; }
}

/// <summary>
/// The outcome of one item of a batch call: success (no error) or an error of the taxonomy. A failed create may
/// still carry a <see cref="RemoteId"/> when the item was made but a later step failed: the engine keeps it.
/// </summary>
public sealed record ItemResult(string SellerSku, MarketplaceError? Error = null, string? RemoteId = null, string? Url = null)
{
    public bool Succeeded => Error is null;

    /// <summary>The marketplace's request id of the call that answered, for the audit trail (errors carry their own).</summary>
    public string? RequestId { get; init; }

    /// <summary>
    /// Set where the marketplace took the create or content update for review instead of applying it
    /// (<see cref="IReviewingMarketplaceClient"/>): the ticket to follow. A create under review has no remote id yet.
    /// </summary>
    public string? ReviewTicket { get; init; }
}
