using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Marketplaces.Sheets.Store;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.Sheets;

/// <summary>
/// The 60 sample products through the real engine into a sheet channel (the Postmart example) on PostgreSQL, and
/// the staff cycle after it: download, upload, mark uploaded. Later changes, removals and the floor's export in
/// <see cref="SheetEndToEndChangeTests"/>.
/// </summary>
public sealed class SheetEndToEndTests(PostgresServer postgres)
{
    /// <summary>Expired certificate, no price, revoked certificate, and the four services (the example sells none).</summary>
    internal static readonly string[] NotListed = ["REG-00008", "REG-00021", "REG-00040", "REG-00057", "REG-00058", "REG-00059", "REG-00060"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Push_SampleProducts_OneOpenSheetWithAnAddRowPerSellableProduct_ListingsWaitForUpload()
    {
        await using var sheets = await SheetEngineHarness.CreateAsync(postgres);

        await sheets.PullAndPushAsync();

        var listings = await sheets.ListingsAsync();
        Assert.Equal(60, listings.Count);
        Assert.Equal(NotListed, listings.Where(l => !l.Desired.Active).Select(l => l.RegistryId).Order(StringComparer.Ordinal));
        var listable = listings.Where(l => l.Desired.Active).ToDictionary(l => l.SellerSku, StringComparer.Ordinal);
        Assert.Equal(53, listable.Count);
        Assert.All(listable.Values, l => Assert.Equal(ListingState.InReview, l.State));
        Assert.All(listings.Where(l => !l.Desired.Active), l => Assert.NotEqual(ListingState.InReview, l.State));

        var sheet = await sheets.OpenSheetAsync();
        Assert.Equal(53, sheet.Summary.RowCount);
        Assert.Equal(listable.Keys.Order(StringComparer.Ordinal), sheet.Rows.Select(r => r.SellerSku).Order(StringComparer.Ordinal));
        foreach (var row in sheet.Rows)
        {
            var desired = listable[row.SellerSku].Desired;
            Assert.Equal((SheetRowKind.Add, desired.PriceVnd, desired.Stock, desired.Title), (row.Kind, row.PriceVnd!.Value, row.Stock!.Value, row.Content!.Title));
            Assert.Equal($"{sheet.Summary.Id}|{row.SellerSku}", listable[row.SellerSku].ReviewTicket);
        }

        // A second push finds nothing to do and adds nothing.
        var quiet = await sheets.PushAsync();
        Assert.Equal(0, quiet.Claimed);
        Assert.Single(await sheets.SheetsAsync());
    }

    [Fact]
    public async Task StaffCycle_DownloadCloses_LaterChangeGoesToANewSheet_MarkUploadedMakesListingsActive()
    {
        await using var sheets = await SheetEngineHarness.CreateAsync(postgres);
        await sheets.PullAndPushAsync();
        var first = (await sheets.OpenSheetAsync()).Summary;

        var file = await sheets.DeskAsync(d => d.DownloadOpenSheetAsync(SheetEngineHarness.ChannelId, Ct));

        Assert.NotNull(file);
        Assert.EndsWith(".xlsx", file.FileName, StringComparison.Ordinal);
        Assert.True(file.Content.Length > 1000, $"{file.Content.Length} bytes");
        Assert.Equal(SheetState.Downloaded, Assert.Single(await sheets.SheetsAsync()).State);
        // Nothing open any more: a second download has nothing to give.
        Assert.Null(await sheets.DeskAsync(d => d.DownloadOpenSheetAsync(SheetEngineHarness.ChannelId, Ct)));

        // A price change after the download: the product is not on the floor yet (its add waits for upload), so the
        // engine holds the change until the add is approved; it must then come in a new sheet, not the downloaded one.
        sheets.Engine.Registry.Change("REG-00002", p => p["priceVnd"] = 229_000);
        await sheets.PullAndPushAsync();
        Assert.Single(await sheets.SheetsAsync());

        // Marking the downloaded sheet makes its listings live at the next push.
        Assert.True(await sheets.MarkUploadedAsync(first.Id));
        await sheets.Engine.PushUntilSettledAsync(channelIds: SheetEngineHarness.ChannelId);

        var listings = (await sheets.ListingsAsync()).Where(l => l.Desired.Active).ToList();
        Assert.Equal(53, listings.Count);
        Assert.All(listings, l => Assert.Equal((ListingState.Active, l.SellerSku), (l.State, l.RemoteId)));
        var second = await sheets.OpenSheetAsync();
        var changed = Assert.Single(second.Rows);
        Assert.Equal(("OCOP-REG-00002", SheetRowKind.Change, 229_000L), (changed.SellerSku, changed.Kind, changed.PriceVnd!.Value));
        Assert.Null(changed.Content);
        Assert.Equal(first.RowCount, (await sheets.SheetAsync(first.Id))!.Rows.Count);
        Assert.Equal(SheetState.Uploaded, (await sheets.SheetAsync(first.Id))!.Summary.State);

        // The new sheet is open, so it cannot have been uploaded yet.
        Assert.False(await sheets.MarkUploadedAsync(second.Summary.Id));
    }
}
