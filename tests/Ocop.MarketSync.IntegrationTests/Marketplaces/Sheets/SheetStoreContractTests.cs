using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Marketplaces.Sheets.Store;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.Sheets;

/// <summary>
/// The <see cref="ISheetStore"/> contract, each case on the database store (PostgreSQL, SQLite) and on the in-memory
/// reference, so the two cannot drift apart. Concurrency cases split their callers between two nodes' stores.
/// </summary>
public sealed class SheetStoreContractTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Stores => ["postgres", "sqlite", "memory"];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Append_SkuAlreadyInTheOpenSheet_CollapsesInItsPositionAndKeepsTheOthersInOrder(string kind)
    {
        await using var nodes = await SheetStoreNodes.CreateAsync(kind, postgres);
        var store = nodes.A;
        var content = Content("A");

        var first = await store.AppendAsync("c", [
            new SheetRow("A", SheetRowKind.Add, T0) { Content = content, PriceVnd = 100_000, Stock = 5 },
            new SheetRow("B", SheetRowKind.Add, T0) { PriceVnd = 50_000 },
        ], T0, Ct);
        var second = await store.AppendAsync("c", [
            new SheetRow("C", SheetRowKind.Remove, T0.AddMinutes(1)) { RemoteId = "C" },
            new SheetRow("A", SheetRowKind.Change, T0.AddMinutes(1)) { RemoteId = "A", PriceVnd = 120_000 },
            new SheetRow("C", SheetRowKind.ReAdd, T0.AddMinutes(2)) { RemoteId = "C" },
        ], T0.AddMinutes(1), Ct);

        Assert.Equal(first, second);
        var sheet = await store.GetSheetAsync(first, Ct);
        Assert.NotNull(sheet);
        Assert.Equal(["A", "B", "C"], sheet.Rows.Select(r => r.SellerSku));
        Assert.Equal((3, "c", T0, SheetState.Open), (sheet.Summary.RowCount, sheet.Summary.ChannelId, sheet.Summary.CreatedAt, sheet.Summary.State));
        var a = sheet.Rows[0];
        // A change keeps the add with the latest price and the content it did not carry.
        Assert.Equal((SheetRowKind.Add, 120_000L, 5, "A", T0.AddMinutes(1)), (a.Kind, a.PriceVnd!.Value, a.Stock!.Value, a.RemoteId, a.At));
        Assert.Equal(content.Title, a.Content!.Title);
        Assert.Equal(content.Images, a.Content.Images);
        Assert.Equal(content.Attributes.OrderBy(p => p.Key), a.Content.Attributes.OrderBy(p => p.Key));
        Assert.Equal((content.Gtin, content.WeightGrams, content.Description, content.CategoryId), (a.Content.Gtin, a.Content.WeightGrams, a.Content.Description, a.Content.CategoryId));
        // Two rows of one SKU in one call collapse in order: the re-add replaces the removal.
        Assert.Equal(SheetRowKind.ReAdd, sheet.Rows[2].Kind);
        Assert.Null(sheet.Rows[1].Content);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Append_ManyConcurrentCallersOnTwoNodes_OneSheetWithEachSkuExactlyOnce(string kind)
    {
        await using var nodes = await SheetStoreNodes.CreateAsync(kind, postgres);

        // 40 SKUs pushed 4 times each, from 160 concurrent calls alternating between the nodes.
        var ids = await Task.WhenAll(Enumerable.Range(0, 160).Select(i => Task.Run(() =>
            (i % 2 == 0 ? nodes.A : nodes.B).AppendAsync("c", [new SheetRow($"S-{i % 40:00}", SheetRowKind.Change, T0) { Stock = i }], T0, Ct), Ct)));

        Assert.Single(ids.Distinct());
        var sheet = (await nodes.A.GetSheetAsync(ids[0], Ct))!;
        Assert.Equal(40, sheet.Rows.Count);
        Assert.Equal(40, sheet.Summary.RowCount);
        Assert.Equal(40, sheet.Rows.Select(r => r.SellerSku).Distinct().Count());
        // Each row holds one of its own SKU's pushes (i ≡ SKU mod 40): no value crossed rows.
        Assert.All(sheet.Rows, r => Assert.Equal(int.Parse(r.SellerSku[2..], System.Globalization.CultureInfo.InvariantCulture), r.Stock!.Value % 40));
        Assert.Single(await nodes.B.ListSheetsAsync("c", Ct));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Issue_RacingAppendsOnTwoNodes_EveryRowLandsOnceEitherInTheIssuedSheetOrTheNext(string kind)
    {
        await using var nodes = await SheetStoreNodes.CreateAsync(kind, postgres);
        await nodes.A.AppendAsync("c", [new SheetRow("S-seed", SheetRowKind.Add, T0)], T0, Ct);

        var appends = Enumerable.Range(0, 120).Select(i => Task.Run(() =>
            (i % 2 == 0 ? nodes.A : nodes.B).AppendAsync("c", [new SheetRow($"S-{i:000}", SheetRowKind.Add, T0)], T0, Ct), Ct)).ToList();
        var issue = Task.Run(async () =>
        {
            await Task.Delay(5, Ct);
            return await nodes.B.IssueOpenSheetAsync("c", T0.AddHours(1), Ct);
        }, Ct);
        await Task.WhenAll(appends);
        var issued = await issue;

        Assert.NotNull(issued);
        Assert.Equal(SheetState.Downloaded, issued.State);
        var issuedSheet = (await nodes.A.GetSheetAsync(issued.Id, Ct))!;
        // Nothing joined the issued sheet after it was closed: its rows are the ones it was issued with.
        Assert.Equal(issued.RowCount, issuedSheet.Rows.Count);
        var sheets = await nodes.A.ListSheetsAsync("c", Ct);
        Assert.InRange(sheets.Count, 1, 2);
        Assert.All(sheets, s => Assert.True(s.Id == issued.Id || s.State == SheetState.Open, $"sheet {s.Id} is {s.State}"));
        var all = (await Task.WhenAll(sheets.Select(s => nodes.A.GetSheetAsync(s.Id, Ct)))).SelectMany(s => s!.Rows).Select(r => r.SellerSku).ToList();
        Assert.Equal(121, all.Count);
        Assert.Equal(121, all.Distinct().Count());
        Assert.Contains("S-seed", issuedSheet.Rows.Select(r => r.SellerSku));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task MarkUploaded_RefusesOpenAndUnknownSheets_AndKeepsTheFirstTime(string kind)
    {
        await using var nodes = await SheetStoreNodes.CreateAsync(kind, postgres);
        Assert.Null(await nodes.A.IssueOpenSheetAsync("c", T0, Ct));
        var id = await nodes.A.AppendAsync("c", [new SheetRow("S", SheetRowKind.Add, T0)], T0, Ct);

        Assert.False(await nodes.A.MarkUploadedAsync(id, T0.AddHours(1), Ct));
        Assert.False(await nodes.A.MarkUploadedAsync(id + 1000, T0.AddHours(1), Ct));
        var issued = await nodes.B.IssueOpenSheetAsync("c", T0.AddHours(1), Ct);
        var marks = await Task.WhenAll(nodes.A.MarkUploadedAsync(id, T0.AddHours(2), Ct), nodes.B.MarkUploadedAsync(id, T0.AddHours(2), Ct));
        var again = await nodes.B.MarkUploadedAsync(id, T0.AddHours(3), Ct);
        var next = await nodes.A.AppendAsync("c", [new SheetRow("S", SheetRowKind.Change, T0.AddHours(4)) { PriceVnd = 9_000 }], T0.AddHours(4), Ct);

        Assert.Equal((id, 1), (issued!.Id, issued.RowCount));
        Assert.True(marks.All(m => m) && again);
        var summary = (await nodes.A.GetSheetAsync(id, Ct))!.Summary;
        Assert.Equal((T0, T0.AddHours(1), T0.AddHours(2), SheetState.Uploaded), (summary.CreatedAt, summary.DownloadedAt, summary.UploadedAt, summary.State));
        Assert.NotEqual(id, next);
        Assert.Equal([next, id], (await nodes.B.ListSheetsAsync("c", Ct)).Select(s => s.Id));
        Assert.Empty(await nodes.B.ListSheetsAsync("other", Ct));
        Assert.Null(await nodes.A.GetSheetAsync(id + 1000, Ct));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task LatestExport_IsTheNewestImportOfTheChannel_WithItsItemsAndProblems(string kind)
    {
        await using var nodes = await SheetStoreNodes.CreateAsync(kind, postgres);
        Assert.Null(await nodes.A.LatestExportAsync("c", Ct));
        var newest = new FloorExport("c", T0.AddDays(2), "xuat-sp-tuan-49.xlsx",
            [new FloorExportItem("OCOP-1", "PM-771", "Mật ong hoa nhãn", 125_000, 8, Active: true, Banned: false, "https://postmart.vn/p/771"),
             new FloorExportItem("OCOP-2", null, "Trà shan tuyết", 90_000, 0, Active: false, Banned: true, null)],
            [new SheetCellProblem(7, "D", "Giá bán", "'12a' is not a whole number of đồng"), new SheetCellProblem(9, string.Empty, string.Empty, "no seller SKU")]);

        await nodes.A.SaveExportAsync(newest, Ct);
        await nodes.B.SaveExportAsync(new FloorExport("c", T0.AddDays(1), "older.xlsx", [], []), Ct);
        await nodes.B.SaveExportAsync(new FloorExport("other", T0.AddDays(3), "other.xlsx", [], []), Ct);
        var latest = await nodes.B.LatestExportAsync("c", Ct);

        Assert.NotNull(latest);
        Assert.Equal((newest.ChannelId, newest.ImportedAt, newest.FileName), (latest.ChannelId, latest.ImportedAt, latest.FileName));
        Assert.Equal(newest.Items, latest.Items);
        Assert.Equal(newest.Problems, latest.Problems);
        Assert.Equal("other.xlsx", (await nodes.A.LatestExportAsync("other", Ct))!.FileName);
    }

    private static ListingContent Content(string sku) => new()
    {
        SellerSku = sku,
        Title = "Mật ong hoa nhãn Hưng Yên – OCOP 4★",
        Description = "Mật ong nguyên chất, thu hoạch vụ xuân.",
        CategoryId = "Mật ong, nông sản",
        Images = ["https://img.example/a1.jpg", "https://img.example/a2.jpg"],
        Gtin = "8938505970012",
        WeightGrams = 500,
        Attributes = new Dictionary<string, string> { ["province"] = "Hưng Yên", ["ocopStars"] = "4", ["shelfLifeDays"] = "720" },
    };
}
