using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Marketplaces.Sheets.Store;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.Sheets;

/// <summary>
/// A sheet channel after its first sheet is on the floor: a revoked certificate becomes a removal row, and the
/// floor's own export, imported by staff, answers reconciliation.
/// </summary>
public sealed class SheetEndToEndChangeTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Push_CertificateRevoked_RemoveRowInTheNextSheet()
    {
        await using var sheets = await OnTheFloorAsync(postgres);

        sheets.Engine.Registry.Change("REG-00004", p => p["certificate"]!["revocation"] = new JsonObject
        {
            ["decisionNumber"] = "99/QĐ-UBND",
            ["revokedOn"] = "2026-11-20",
        });
        await sheets.PullAndPushAsync();

        var listing = Assert.Single(await sheets.ListingsAsync(), l => l.RegistryId == "REG-00004");
        Assert.False(listing.Desired.Active);
        var row = Assert.Single((await sheets.OpenSheetAsync()).Rows);
        Assert.Equal(("OCOP-REG-00004", SheetRowKind.Remove, "OCOP-REG-00004"), (row.SellerSku, row.Kind, row.RemoteId));
    }

    [Fact]
    public async Task Reconcile_FloorExportMissingOneAndOnePriceDifferent_ReportsBoth()
    {
        await using var sheets = await OnTheFloorAsync(postgres);
        var listings = (await sheets.ListingsAsync()).Where(l => l.Desired.Active).ToList();

        // The floor's export as staff download it from the seller portal: every product but one, one price changed
        // there, each with the floor's own product code (approved before any export, so the listings hold the SKU).
        Assert.All(listings, l => Assert.Equal(l.SellerSku, l.RemoteId));
        var csv = new StringBuilder("Mã SKU,Mã sản phẩm,Tên sản phẩm,Giá bán,Tồn kho,Trạng thái,Đường dẫn\r\n");
        foreach (var l in listings.Where(l => l.RegistryId != "REG-00005"))
        {
            var price = l.RegistryId == "REG-00006" ? l.Desired.PriceVnd + 10_000 : l.Desired.PriceVnd;
            csv.Append(CultureInfo.InvariantCulture, $"{l.SellerSku},PM-{l.RegistryId},{Quote(l.Desired.Title)},{price},{l.Desired.Stock},Đang bán,\r\n");
        }

        var export = await sheets.DeskAsync(d => d.ImportExportAsync(
            SheetEngineHarness.ChannelId, new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), "postmart-export.csv", Ct));
        Assert.Empty(export.Problems);
        Assert.Equal(listings.Count - 1, export.Items.Count);

        var run = await sheets.ReconcileAsync();

        Assert.Equal(ReconciliationStatus.Succeeded, run.Status);
        var findings = await sheets.Engine.QueryAsync(db => db.ReconciliationFindings.AsNoTracking().Where(f => f.RunId == run.Id).ToListAsync(Ct));
        Assert.Contains(findings, f => f is { Kind: ReconciliationFindingKind.Missing, SellerSku: "OCOP-REG-00005" });
        Assert.Contains(findings, f => f is { Kind: ReconciliationFindingKind.Drifted, SellerSku: "OCOP-REG-00006", Aspects: ListingAspect.Price });
        Assert.Equal(["OCOP-REG-00005", "OCOP-REG-00006"], findings.Select(f => f.SellerSku).Distinct().Order(StringComparer.Ordinal));

        // The floor's codes replace the provisional ones (the SKU), silently: the same items, not duplicates.
        Assert.All((await sheets.ListingsAsync()).Where(l => l.Desired.Active && l.RegistryId != "REG-00005"),
            l => Assert.Equal("PM-" + l.RegistryId, l.RemoteId));
    }

    /// <summary>The samples pushed, the sheet downloaded, uploaded and marked, and the listings live.</summary>
    private static async Task<SheetEngineHarness> OnTheFloorAsync(PostgresServer postgres)
    {
        var sheets = await SheetEngineHarness.CreateAsync(postgres);
        await sheets.PullAndPushAsync();
        var file = await sheets.DeskAsync(d => d.DownloadOpenSheetAsync(SheetEngineHarness.ChannelId, Ct));
        Assert.NotNull(file);
        Assert.True(await sheets.MarkUploadedAsync(Assert.Single(await sheets.SheetsAsync()).Id));
        await sheets.Engine.PushUntilSettledAsync(channelIds: SheetEngineHarness.ChannelId);
        Assert.All((await sheets.ListingsAsync()).Where(l => l.Desired.Active), l => Assert.Equal(ListingState.Active, l.State));
        Assert.DoesNotContain(await sheets.SheetsAsync(), s => s.State == SheetState.Open);
        return sheets;
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
