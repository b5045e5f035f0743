using Ocop.MarketSync.Marketplaces.Sheets.Store;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Sheets.Tests;

/// <summary>Reconciliation reads: the floor's export first, uploaded sheets on top.</summary>
public sealed class SheetClientReadTests
{
    private static CancellationToken Ct => SheetHarness.Ct;

    [Fact]
    public async Task FindBySellerSkuAsync_NoExport_AnswersFromUploadedSheetsOnly()
    {
        // Arrange
        var harness = new SheetHarness();
        await harness.Client.CreateAsync([Listings.Create("OCOP-1", 100_000, 10), Listings.Create("OCOP-2")], Ct);
        await harness.Client.SetStatusAsync([new StatusUpdate("OCOP-2", "OCOP-2", false)], Ct);
        await harness.DownloadAndMarkUploadedAsync();
        await harness.Client.UpdatePriceAsync([new PriceUpdate("OCOP-1", "OCOP-1", 150_000)], Ct);
        await harness.Client.CreateAsync([Listings.Create("OCOP-3")], Ct); // open, not on the floor yet

        // Act
        var found = await harness.Client.FindBySellerSkuAsync(["OCOP-1", "OCOP-2", "OCOP-3"], Ct);

        // Assert
        Assert.Equal(["OCOP-1", "OCOP-2"], found.Select(i => i.SellerSku));
        Assert.Equal(("OCOP-1", 100_000L, 10, true), (found[0].RemoteId, found[0].PriceVnd, found[0].Stock, found[0].Active));
        Assert.False(found[1].Active);
    }

    [Fact]
    public async Task Reads_WithExport_AnswerTheFloorsValuesSoDifferencesShow()
    {
        // Arrange: we pushed 100,000 đ; the floor shows 95,000 đ, and lacks OCOP-2 entirely.
        var harness = new SheetHarness();
        await harness.Client.CreateAsync([Listings.Create("OCOP-1", 100_000, 10), Listings.Create("OCOP-2")], Ct);
        await harness.DownloadAndMarkUploadedAsync();
        harness.Time.Advance(TimeSpan.FromDays(1));
        await harness.Store.SaveExportAsync(new FloorExport(SheetHarness.Channel, harness.Time.GetUtcNow(), "export.xlsx",
        [
            new FloorExportItem("OCOP-1", "PM-1", "Mật ong", 95_000, 7, Active: true, Banned: false, "https://floor.example/p/1"),
            new FloorExportItem("KHAC-9", null, "Chè", 50_000, 1, Active: false, Banned: true, null),
        ], []), Ct);

        // Act
        var found = await harness.Client.FindBySellerSkuAsync(["OCOP-1", "OCOP-2"], Ct);
        var paged = await harness.Client.PageItemsAsync("OCOP-", Ct).ToListAsync(Ct);

        // Assert
        var item = Assert.Single(found);
        Assert.Equal(("PM-1", 95_000L, 7, "https://floor.example/p/1"), (item.RemoteId, item.PriceVnd, item.Stock, item.Url));
        Assert.Equal(harness.Time.GetUtcNow(), item.UpdatedAt);
        Assert.Equal(["OCOP-1"], paged.Select(i => i.SellerSku));
    }

    [Fact]
    public async Task Reads_SheetUploadedAfterTheExport_OverlayTheExport()
    {
        // Arrange: the export predates an upload that added OCOP-5 and changed OCOP-1's price.
        var harness = new SheetHarness();
        await harness.Store.SaveExportAsync(new FloorExport(SheetHarness.Channel, harness.Time.GetUtcNow(), "export.csv",
            [new FloorExportItem("OCOP-1", "PM-1", "Mật ong", 95_000, 7, true, false, null)], []), Ct);
        await harness.Client.UpdatePriceAsync([new PriceUpdate("PM-1", "OCOP-1", 99_000)], Ct);
        await harness.Client.CreateAsync([Listings.Create("OCOP-5", 60_000, 3)], Ct);
        await harness.DownloadAndMarkUploadedAsync();

        // Act
        var paged = await harness.Client.PageItemsAsync("OCOP-", Ct).ToListAsync(Ct);

        // Assert
        Assert.Equal(["OCOP-1", "OCOP-5"], paged.Select(i => i.SellerSku));
        Assert.Equal(("PM-1", 99_000L, 7), (paged[0].RemoteId, paged[0].PriceVnd, paged[0].Stock));
        Assert.Equal(("OCOP-5", 60_000L, true), (paged[1].RemoteId, paged[1].PriceVnd, paged[1].Active));
    }

    [Fact]
    public async Task FindBySellerSkuAsync_StoreFails_ThrowsTheTransientPortError()
    {
        // Arrange
        var client = new SheetMarketplaceClient("x", new FaultySheetStore(), Templates.Postmart(), TimeProvider.System);

        // Act
        var error = await Assert.ThrowsAsync<MarketplaceException>(() => client.FindBySellerSkuAsync(["OCOP-1"], Ct));

        // Assert
        Assert.IsType<MarketplaceError.Transient>(error.Error);
    }
}
