using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Sheets.Store;

/// <summary>What a row asks the floor to do. Stored by name: values are a persisted contract.</summary>
public enum SheetRowKind
{
    /// <summary>A new product (CreateAsync).</summary>
    Add,

    /// <summary>New content, price or stock of a product on the floor.</summary>
    Change,

    /// <summary>Stop selling (delist: certificate expired or revoked, product withdrawn).</summary>
    Remove,

    /// <summary>Sell again after a removal (relist).</summary>
    ReAdd,
}

/// <summary>
/// One row of a floor upload sheet: one seller SKU, what to do, and the latest values known for it. A change knows
/// only what changed (content, price or stock); fields it does not know are null and their cells stay empty.
/// </summary>
/// <param name="At">When the engine last pushed into this row (UTC).</param>
public sealed record SheetRow(string SellerSku, SheetRowKind Kind, DateTimeOffset At)
{
    /// <summary>The remote id the engine holds: the seller SKU, or the floor's product code once an export gave it.</summary>
    public string? RemoteId { get; init; }

    public ListingContent? Content { get; init; }

    public long? PriceVnd { get; init; }

    public int? Stock { get; init; }

    /// <summary>
    /// This row with a later push of the same SKU folded in: the one rule of row collapsing, which every
    /// <see cref="ISheetStore"/> applies inside its append. A change keeps the row's kind (an add or re-add still
    /// adds, a removal still removes) with the latest values; add, remove and re-add replace the kind, except that a
    /// re-add of a row still being added stays an add. Values the later push does not carry are kept.
    /// </summary>
    public SheetRow CollapseWith(SheetRow later)
    {
        ArgumentNullException.ThrowIfNull(later);
        if (!string.Equals(SellerSku, later.SellerSku, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Rows of different SKUs do not collapse ('{SellerSku}', '{later.SellerSku}').", nameof(later));
        }

        var kind = (Kind, later.Kind) switch
        {
            (_, SheetRowKind.Change) => Kind,
            (SheetRowKind.Add, SheetRowKind.ReAdd) => SheetRowKind.Add,
            (_, var newer) => newer,
        };
        return new SheetRow(SellerSku, kind, later.At)
        {
            RemoteId = later.RemoteId ?? RemoteId,
            Content = later.Content ?? Content,
            PriceVnd = later.PriceVnd ?? PriceVnd,
            Stock = later.Stock ?? Stock,
        };
    }
}
