using System.Runtime.CompilerServices;
using Ocop.MarketSync.Marketplaces.Sheets.Store;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Sheets;

internal sealed partial class SheetMarketplaceClient
{
    public async Task<IReadOnlyList<RemoteItem>> FindBySellerSkuAsync(IReadOnlyList<string> sellerSkus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sellerSkus);
        var floor = await FloorAsync(cancellationToken);
        return [.. sellerSkus.Distinct(StringComparer.Ordinal).Select(s => floor.GetValueOrDefault(s)).OfType<RemoteItem>()];
    }

    public async IAsyncEnumerable<RemoteItem> PageItemsAsync(string skuPrefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skuPrefix);
        var floor = await FloorAsync(cancellationToken);
        foreach (var item in floor.Values.Where(i => i.SellerSku.StartsWith(skuPrefix, StringComparison.Ordinal)).OrderBy(i => i.SellerSku, StringComparer.Ordinal))
        {
            yield return item;
        }
    }

    /// <summary>
    /// Approved once the ticket's sheet is marked uploaded, with the floor's product code as remote id when an
    /// export gave one (else the SKU); waiting while the sheet is open or downloaded; rejected if the sheet is gone.
    /// </summary>
    public async Task<IReadOnlyList<ReviewOutcome>> TrackReviewsAsync(IReadOnlyList<string> tickets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        var sheets = new Dictionary<long, Sheet?>();
        FloorExport? export = null;
        var outcomes = new List<ReviewOutcome>(tickets.Count);
        await GuardAsync(async () =>
        {
            export = await store.LatestExportAsync(channelId, cancellationToken);
            foreach (var ticket in tickets)
            {
                if (SheetTicket.TryParse(ticket, out var id, out _) && !sheets.ContainsKey(id))
                {
                    sheets[id] = await store.GetSheetAsync(id, cancellationToken);
                }
            }
        });

        foreach (var ticket in tickets)
        {
            outcomes.Add(Outcome(ticket, sheets, export));
        }

        return outcomes;
    }

    private static ReviewOutcome Outcome(string ticket, Dictionary<long, Sheet?> sheets, FloorExport? export)
    {
        if (!SheetTicket.TryParse(ticket, out var id, out var sku))
        {
            return new ReviewOutcome(ticket, ReviewDecision.Rejected, Reason: $"'{ticket}' is not a sheet ticket ({{sheetId}}|{{sellerSku}}).");
        }

        if (sheets[id] is not { } sheet)
        {
            return new ReviewOutcome(ticket, ReviewDecision.Rejected, Reason: $"Sheet {id} no longer exists: push the listing again.");
        }

        var state = "sheet:" + sheet.Summary.State.ToString().ToLowerInvariant();
        if (sheet.Summary.State != SheetState.Uploaded)
        {
            return new ReviewOutcome(ticket, ReviewDecision.Waiting, RawState: state);
        }

        var code = export?.Items.FirstOrDefault(i => string.Equals(i.SellerSku, sku, StringComparison.Ordinal))?.ProductCode;
        var row = sheet.Rows.FirstOrDefault(r => string.Equals(r.SellerSku, sku, StringComparison.Ordinal));
        return new ReviewOutcome(ticket, ReviewDecision.Approved, RemoteId: string.IsNullOrEmpty(code) ? sku : code, RawState: state)
        {
            Active = row?.Kind != SheetRowKind.Remove,
        };
    }

    /// <summary>
    /// What is on the floor, by seller SKU: the latest export staff imported, then every sheet uploaded after it (or
    /// all uploaded sheets without an export) folded in upload order. Without the overlay, an item added since the
    /// export would look missing and be added again.
    /// </summary>
    private async Task<Dictionary<string, RemoteItem>> FloorAsync(CancellationToken cancellationToken)
    {
        var floor = new Dictionary<string, RemoteItem>(StringComparer.Ordinal);
        await GuardAsync(async () =>
        {
            var export = await store.LatestExportAsync(channelId, cancellationToken);
            foreach (var item in export?.Items ?? [])
            {
                floor.TryAdd(item.SellerSku, new RemoteItem(
                    string.IsNullOrEmpty(item.ProductCode) ? item.SellerSku : item.ProductCode, item.SellerSku, item.Url, item.Title,
                    item.PriceVnd, item.Stock, item.Active, item.Banned, export!.ImportedAt));
            }

            var since = export?.ImportedAt ?? DateTimeOffset.MinValue;
            var uploaded = (await store.ListSheetsAsync(channelId, cancellationToken))
                .Where(s => s.UploadedAt > since)
                .OrderBy(s => s.UploadedAt).ThenBy(s => s.Id);
            foreach (var summary in uploaded)
            {
                var sheet = await store.GetSheetAsync(summary.Id, cancellationToken);
                foreach (var row in sheet?.Rows ?? [])
                {
                    floor[row.SellerSku] = Fold(floor.GetValueOrDefault(row.SellerSku), row, summary.UploadedAt!.Value);
                }
            }
        });
        return floor;
    }

    private static RemoteItem Fold(RemoteItem? known, SheetRow row, DateTimeOffset uploadedAt)
    {
        var active = row.Kind switch
        {
            SheetRowKind.Add or SheetRowKind.ReAdd => true,
            SheetRowKind.Remove => false,
            SheetRowKind.Change => known?.Active ?? true,
            _ => throw new ArgumentOutOfRangeException(nameof(row), row.Kind, "Unknown sheet row kind."),
        };
        return known is null
            ? new RemoteItem(row.RemoteId ?? row.SellerSku, row.SellerSku, null, row.Content?.Title ?? string.Empty,
                row.PriceVnd ?? 0, row.Stock ?? 0, active, Banned: false, uploadedAt)
            : known with
            {
                Title = row.Content?.Title ?? known.Title,
                PriceVnd = row.PriceVnd ?? known.PriceVnd,
                Stock = row.Stock ?? known.Stock,
                Active = active,
                UpdatedAt = uploadedAt,
            };
    }

    /// <summary>Reads that fail as a whole throw the port's exception, so the engine never acts on half an answer.</summary>
    private static async Task GuardAsync(Func<Task> read)
    {
        try
        {
            await read();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new MarketplaceException(new MarketplaceError.Transient($"The sheet store could not be read: {ex.Message}"));
        }
    }
}
