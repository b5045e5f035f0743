using Ocop.MarketSync.Marketplaces.Sheets.Store;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Sheets.Tests;

/// <summary>The store contract the database store must meet too.</summary>
public sealed class InMemorySheetStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AppendAsync_ConcurrentWithIssue_LosesNoRowAndSplitsThemBetweenTwoSheets()
    {
        // Arrange
        var store = new InMemorySheetStore();
        var appends = Enumerable.Range(0, 200).Select(i => Task.Run(() =>
            store.AppendAsync("c", [new SheetRow($"S-{i % 50}", SheetRowKind.Change, T0) { Stock = i }], T0, Ct), Ct)).ToList();

        // Act
        var issue = Task.Run(() => store.IssueOpenSheetAsync("c", T0, Ct), Ct);
        await Task.WhenAll(appends);
        await issue;
        await store.IssueOpenSheetAsync("c", T0, Ct);

        // Assert: each SKU is in at least one sheet, at most once per sheet.
        var sheets = await Task.WhenAll((await store.ListSheetsAsync("c", Ct)).Select(s => store.GetSheetAsync(s.Id, Ct)));
        Assert.All(sheets, s => Assert.Equal(s!.Rows.Count, s.Rows.Select(r => r.SellerSku).Distinct().Count()));
        Assert.Equal(50, sheets.SelectMany(s => s!.Rows).Select(r => r.SellerSku).Distinct().Count());
        Assert.InRange(sheets.Length, 1, 2);
    }

    [Fact]
    public async Task MarkUploadedAsync_Twice_KeepsTheFirstTime()
    {
        // Arrange
        var store = new InMemorySheetStore();
        var id = await store.AppendAsync("c", [new SheetRow("S", SheetRowKind.Add, T0)], T0, Ct);
        await store.IssueOpenSheetAsync("c", T0.AddHours(1), Ct);

        // Act
        var first = await store.MarkUploadedAsync(id, T0.AddHours(2), Ct);
        var again = await store.MarkUploadedAsync(id, T0.AddHours(3), Ct);

        // Assert
        Assert.True(first && again);
        var summary = (await store.GetSheetAsync(id, Ct))!.Summary;
        Assert.Equal((T0, T0.AddHours(1), T0.AddHours(2), SheetState.Uploaded), (summary.CreatedAt, summary.DownloadedAt, summary.UploadedAt, summary.State));
        Assert.False(await store.MarkUploadedAsync(999, T0, Ct));
    }

    [Fact]
    public async Task Push_StoreDown_EveryItemGetsATransientError()
    {
        // Arrange
        var client = new SheetMarketplaceClient("c", new FaultySheetStore(onlyAppendsFail: true), Templates.Postmart(), TimeProvider.System);

        // Act
        var results = await client.UpdateStockAsync([new StockUpdate("A", "A", 1), new StockUpdate("B", "B", 2)], Ct);

        // Assert
        Assert.Equal(["A", "B"], results.Select(r => r.SellerSku));
        Assert.All(results, r => Assert.IsType<MarketplaceError.Transient>(r.Error));
        Assert.All(results, r => Assert.Null(r.ReviewTicket));
    }
}
