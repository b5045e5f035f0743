namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>The batch writes of the API: every item is checked and applied on its own, results in request order.</summary>
public sealed partial class MarketplaceSandbox
{
    public IReadOnlyList<SandboxItemOutcome> Create(IReadOnlyList<SandboxItemDraft> drafts)
    {
        lock (_gate)
        {
            return [.. drafts.Select(CreateLocked)];
        }
    }

    public IReadOnlyList<SandboxItemOutcome> UpdateContent(IReadOnlyList<SandboxContentChange> changes) =>
        Update("content", changes, c => c.RemoteId,
            (c, _) => Rejected(MarketplaceSandboxRules.CheckContent(Options, c.Title, c.Description, c.CategoryId))
                ?? CheckImagesUploaded(c.Images),
            (c, item) => item with
            {
                Title = c.Title!,
                Description = c.Description ?? string.Empty,
                CategoryId = c.CategoryId!,
                Images = c.Images ?? [],
                Gtin = c.Gtin,
                WeightGrams = c.WeightGrams,
                Attributes = c.Attributes ?? new Dictionary<string, string>(),
            });

    public IReadOnlyList<SandboxItemOutcome> UpdatePrice(IReadOnlyList<SandboxPriceChange> changes) =>
        Update("price", changes, c => c.RemoteId,
            (c, _) => Rejected(MarketplaceSandboxRules.CheckPrice(c.PriceVnd)),
            (c, item) => item with { PriceVnd = c.PriceVnd!.Value });

    public IReadOnlyList<SandboxItemOutcome> UpdateStock(IReadOnlyList<SandboxStockChange> changes) =>
        Update("stock", changes, c => c.RemoteId,
            (c, _) => Rejected(MarketplaceSandboxRules.CheckStock(c.Stock)),
            (c, item) =>
            {
                NoteStockSetLocked(item.SellerSku, c.Stock!.Value);
                return item with { Stock = c.Stock.Value };
            });

    public IReadOnlyList<SandboxItemOutcome> SetStatus(IReadOnlyList<SandboxStatusChange> changes) =>
        Update("status", changes, c => c.RemoteId,
            (c, _) => Rejected(c.Active is null ? "active is required" : null),
            (c, item) => item with { Active = c.Active!.Value });

    private SandboxItemOutcome CreateLocked(SandboxItemDraft draft)
    {
        var error = Rejected(string.IsNullOrWhiteSpace(draft.SellerSku) ? "sellerSku is required"
            : MarketplaceSandboxRules.CheckContent(Options, draft.Title, draft.Description, draft.CategoryId)
                ?? MarketplaceSandboxRules.CheckPrice(draft.PriceVnd)
                ?? MarketplaceSandboxRules.CheckStock(draft.Stock))
            ?? CheckImagesUploaded(draft.Images);
        if (error is not null)
        {
            return new SandboxItemOutcome(draft.SellerSku, null, null, error);
        }

        var item = AddLocked(new MarketplaceSandboxItem
        {
            RemoteId = string.Empty,
            Url = string.Empty,
            SellerSku = draft.SellerSku!,
            Title = draft.Title!,
            Description = draft.Description ?? string.Empty,
            CategoryId = draft.CategoryId!,
            Images = draft.Images ?? [],
            Gtin = draft.Gtin,
            WeightGrams = draft.WeightGrams,
            Attributes = draft.Attributes ?? new Dictionary<string, string>(),
            PriceVnd = draft.PriceVnd!.Value,
            Stock = draft.Stock!.Value,
            Active = draft.Active ?? true,
        });
        _itemsCreated++;
        NoteStockSetLocked(item.SellerSku, item.Stock);
        NoteWriteLocked(item.SellerSku, "create");
        return new SandboxItemOutcome(item.SellerSku, item.RemoteId, item.Url);
    }

    /// <param name="operation">The aspect written, as the per-item write log names it.</param>
    /// <param name="check">The rules of this aspect; null when the change is acceptable.</param>
    /// <param name="apply">The changed item; called under the lock, after the checks passed.</param>
    private IReadOnlyList<SandboxItemOutcome> Update<T>(
        string operation,
        IReadOnlyList<T> changes,
        Func<T, string?> remoteIdOf,
        Func<T, MarketplaceSandboxItem, SandboxItemError?> check,
        Func<T, MarketplaceSandboxItem, MarketplaceSandboxItem> apply)
    {
        lock (_gate)
        {
            var outcomes = new List<SandboxItemOutcome>(changes.Count);
            foreach (var change in changes)
            {
                var remoteId = remoteIdOf(change);
                if (remoteId is null || !_sequenceById.TryGetValue(remoteId, out var sequence))
                {
                    NoteUnknownItemLocked();
                    outcomes.Add(new SandboxItemOutcome(null, remoteId, null,
                        new SandboxItemError(SandboxErrorCodes.NotFound, $"no item '{remoteId}'")));
                    continue;
                }

                var item = _items[sequence];
                if ((item.Banned ? Rejected("item is banned") : check(change, item)) is { } error)
                {
                    outcomes.Add(new SandboxItemOutcome(item.SellerSku, item.RemoteId, item.Url, error));
                    continue;
                }

                _items[sequence] = apply(change, item) with { UpdatedAt = _time.GetUtcNow() };
                NoteWriteLocked(item.SellerSku, operation);
                outcomes.Add(new SandboxItemOutcome(item.SellerSku, item.RemoteId, item.Url));
            }

            return outcomes;
        }
    }

    private static SandboxItemError? Rejected(string? message) =>
        message is null ? null : new SandboxItemError(SandboxErrorCodes.Rejected, message);
}
