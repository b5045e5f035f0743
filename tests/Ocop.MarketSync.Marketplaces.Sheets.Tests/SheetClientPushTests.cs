using Ocop.MarketSync.Marketplaces.Sheets.Store;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Sheets.Tests;

public sealed class SheetClientPushTests
{
    private static CancellationToken Ct => SheetHarness.Ct;

    [Fact]
    public async Task CreateAsync_NewItems_AddRowsAnsweredWithTicketsOfTheOpenSheet()
    {
        // Arrange
        var harness = new SheetHarness();

        // Act
        var results = await harness.Client.CreateAsync([Listings.Create("OCOP-1"), Listings.Create("OCOP-2", 90_000, 5)], Ct);

        // Assert
        var sheet = await harness.OpenSheetAsync();
        Assert.Equal(["OCOP-1", "OCOP-2"], results.Select(r => r.SellerSku));
        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.All(results, r => Assert.Null(r.RemoteId));
        Assert.Equal([$"{sheet.Summary.Id}|OCOP-1", $"{sheet.Summary.Id}|OCOP-2"], results.Select(r => r.ReviewTicket));
        Assert.Equal([SheetRowKind.Add, SheetRowKind.Add], sheet.Rows.Select(r => r.Kind));
        Assert.Equal(90_000, sheet.Rows[1].PriceVnd);
        Assert.Equal(5, sheet.Rows[1].Stock);
    }

    [Fact]
    public async Task Updates_SeveralChangesOfOneSku_CollapseIntoOneChangeRowWithLatestValues()
    {
        // Arrange
        var harness = new SheetHarness();

        // Act
        await harness.Client.UpdatePriceAsync([new PriceUpdate("OCOP-1", "OCOP-1", 120_000)], Ct);
        await harness.Client.UpdateStockAsync([new StockUpdate("OCOP-1", "OCOP-1", 12)], Ct);
        await harness.Client.UpdateContentAsync([new ContentUpdate("OCOP-1", Listings.Content("OCOP-1", "Tên mới"))], Ct);
        await harness.Client.UpdatePriceAsync([new PriceUpdate("OCOP-1", "OCOP-1", 135_000), new PriceUpdate("OCOP-9", "OCOP-9", 50_000)], Ct);

        // Assert
        var sheet = await harness.OpenSheetAsync();
        Assert.Equal(2, sheet.Summary.RowCount);
        var row = sheet.Rows[0];
        Assert.Equal(("OCOP-1", SheetRowKind.Change), (row.SellerSku, row.Kind));
        Assert.Equal(135_000, row.PriceVnd);
        Assert.Equal(12, row.Stock);
        Assert.Equal("Tên mới", row.Content?.Title);
        Assert.Equal("OCOP-9", sheet.Rows[1].SellerSku);
    }

    [Fact]
    public async Task Updates_AfterCreateInTheSameOpenSheet_StayAnAddRowWithLatestValues()
    {
        // Arrange
        var harness = new SheetHarness();
        await harness.Client.CreateAsync([Listings.Create("OCOP-1", 100_000, 10)], Ct);

        // Act
        await harness.Client.UpdateStockAsync([new StockUpdate("OCOP-1", "OCOP-1", 3)], Ct);

        // Assert
        var row = Assert.Single((await harness.OpenSheetAsync()).Rows);
        Assert.Equal((SheetRowKind.Add, 100_000L, 3), (row.Kind, row.PriceVnd!.Value, row.Stock!.Value));
    }

    [Fact]
    public async Task SetStatusAsync_Delist_IsARemovalRowThatALaterChangeDoesNotUndo()
    {
        // Arrange: an expired certificate delists the item, then a stock change arrives for it.
        var harness = new SheetHarness();

        // Act
        var results = await harness.Client.SetStatusAsync([new StatusUpdate("MÃ-7", "OCOP-7", Active: false)], Ct);
        await harness.Client.UpdateStockAsync([new StockUpdate("MÃ-7", "OCOP-7", 0)], Ct);

        // Assert
        var row = Assert.Single((await harness.OpenSheetAsync()).Rows);
        Assert.Equal(SheetRowKind.Remove, row.Kind);
        Assert.Equal("MÃ-7", row.RemoteId);
        Assert.Equal("MÃ-7", Assert.Single(results).RemoteId);
    }

    [Fact]
    public async Task SetStatusAsync_RelistAfterRemovalInTheSameSheet_IsAReAddRow()
    {
        // Arrange
        var harness = new SheetHarness();
        await harness.Client.SetStatusAsync([new StatusUpdate("OCOP-7", "OCOP-7", Active: false)], Ct);

        // Act
        await harness.Client.SetStatusAsync([new StatusUpdate("OCOP-7", "OCOP-7", Active: true)], Ct);

        // Assert
        Assert.Equal(SheetRowKind.ReAdd, Assert.Single((await harness.OpenSheetAsync()).Rows).Kind);
    }

    [Fact]
    public async Task Push_AfterStaffDownloadedTheSheet_GoesToANewOpenSheet()
    {
        // Arrange
        var harness = new SheetHarness();
        var first = await harness.Client.CreateAsync([Listings.Create("OCOP-1")], Ct);
        var issued = await harness.Store.IssueOpenSheetAsync(SheetHarness.Channel, harness.Time.GetUtcNow(), Ct);

        // Act
        var second = await harness.Client.UpdatePriceAsync([new PriceUpdate("OCOP-1", "OCOP-1", 99_000)], Ct);

        // Assert
        var open = await harness.OpenSheetAsync();
        Assert.NotEqual(issued!.Id, open.Summary.Id);
        Assert.StartsWith($"{issued.Id}|", first[0].ReviewTicket, StringComparison.Ordinal);
        Assert.Equal($"{open.Summary.Id}|OCOP-1", second[0].ReviewTicket);
        Assert.Equal(1, (await harness.Store.GetSheetAsync(issued.Id, Ct))!.Summary.RowCount);
    }

    [Fact]
    public async Task CreateAsync_ItemWithoutSku_IsRejectedAndTheOthersStillLand()
    {
        // Arrange
        var harness = new SheetHarness();

        // Act
        var results = await harness.Client.CreateAsync([Listings.Create(" "), Listings.Create("OCOP-2")], Ct);

        // Assert
        Assert.IsType<MarketplaceError.Rejected>(results[0].Error);
        Assert.True(results[1].Succeeded);
        Assert.Equal("OCOP-2", Assert.Single((await harness.OpenSheetAsync()).Rows).SellerSku);
    }
}
