using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Configuration;
using Ocop.MarketSync.IntegrationTests.Deploy;
using Ocop.MarketSync.IntegrationTests.Infrastructure;

namespace Ocop.MarketSync.IntegrationTests.Sheets;

/// <summary>
/// The sheet channel's staff cycle over HTTP against the real API: list, download (closes the sheet), download again,
/// mark uploaded, import the floor's export; and who may do what. Postmart's example template is the channel.
/// </summary>
public sealed class SheetApiTests(PostgresServer postgres) : IAsyncLifetime
{
    private const string Sheets = $"api/channels/{SheetsApiHost.Channel}/sheets";
    private IntakeHarness _harness = null!;
    private SheetsApiHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _harness = await IntakeHarness.CreateAsync(postgres);
        _host = await SheetsApiHost.StartAsync(_harness);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task Download_ClosesTheSheet_InTheFloorsTemplate_AgainIsIdentical_UploadedOnlyOnceDownloaded()
    {
        var sheetId = await _host.AppendAsync(SheetsApiHost.AddRow("OCOP-REG-00001"), SheetsApiHost.AddRow("OCOP-REG-00002", 89_000, 12));
        using var client = _host.Client();

        var open = Assert.Single(await ListAsync(client));
        Assert.Equal((sheetId, "open", 2), (open.GetProperty("id").GetInt64(), open.GetProperty("state").GetString(), open.GetProperty("rowCount").GetInt32()));
        Assert.False(open.TryGetProperty("fileUrl", out _));

        // Still open: it may still change, so it cannot have been uploaded, nor be fetched without closing it.
        using var early = await client.PostAsync($"{Sheets}/{sheetId}/uploaded", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("still open", await early.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var peek = await client.GetAsync($"{Sheets}/{sheetId}/file", Ct);
        Assert.Equal(HttpStatusCode.Conflict, peek.StatusCode);

        using var download = await client.PostAsync($"{Sheets}/download", null, Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download.Content.Headers.ContentType!.MediaType);
        var name = download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName!.Trim('"');
        Assert.Equal($"postmart-hn-sheet-{sheetId}-{DateTime.UtcNow:yyyy-MM-dd}.xlsx", name);
        var bytes = await download.Content.ReadAsByteArrayAsync(Ct);
        var (sheetName, rows) = ReadXlsx(bytes);
        Assert.Equal("DanhSachSanPham", sheetName);
        Assert.Equal(TemplateHeaders(), rows[0]);
        Assert.Equal(3, rows.Count);
        Assert.Equal(["Thêm mới", "OCOP-REG-00001"], rows[1].Take(2));
        Assert.Equal("89000", rows[2][TemplateHeaders().IndexOf("Giá bán (VNĐ)")]);

        var downloaded = Assert.Single(await ListAsync(client));
        Assert.Equal("downloaded", downloaded.GetProperty("state").GetString());
        Assert.Equal($"/{Sheets}/{sheetId}/file", downloaded.GetProperty("fileUrl").GetString());

        // Nothing waits now; the same sheet comes again, cell for cell. Not byte for byte: the Open XML SDK gives each
        // render new random relationship ids, so the zip differs while every cell is the same.
        using var nothing = await client.PostAsync($"{Sheets}/download", null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, nothing.StatusCode);
        Assert.Contains("no open sheet", await nothing.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var again0 = await client.GetAsync($"{Sheets}/{sheetId}/file", Ct);
        Assert.Equal(name, again0.Content.Headers.ContentDisposition!.FileNameStar ?? again0.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        var (againName, againRows) = ReadXlsx(await again0.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(sheetName, againName);
        Assert.Equal(rows, againRows);

        using var marked = await client.PostAsync($"{Sheets}/{sheetId}/uploaded", null, Ct);
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        var uploaded = await marked.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("uploaded", uploaded.GetProperty("state").GetString());
        using var again = await client.PostAsync($"{Sheets}/{sheetId}/uploaded", null, Ct);
        Assert.Equal(uploaded.GetProperty("uploadedAt").GetString(), (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("uploadedAt").GetString());

        using var unknown = await client.PostAsync($"{Sheets}/{sheetId + 1000}/uploaded", null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var unknownFile = await client.GetAsync($"{Sheets}/{sheetId + 1000}/file", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknownFile.StatusCode);

        // A later change opens the next sheet; the closed one is untouched.
        var next = await _host.AppendAsync(SheetsApiHost.AddRow("OCOP-REG-00001", 130_000));
        Assert.NotEqual(sheetId, next);
        Assert.Equal(["open", "uploaded"], (await ListAsync(client)).Select(s => s.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task ImportExport_ReportsABadRowByRowAndColumn_KeepsTheGoodRows_RefusesUnreadableFiles()
    {
        using var client = _host.Client();
        const string csv = "Mã SKU,Mã sản phẩm,Tên sản phẩm,Giá bán,Tồn kho,Trạng thái,Đường dẫn\n"
            + "OCOP-REG-00001,PM-1,Mật ong,125000,40,Đang bán,https://postmart.vn/p/1\n"
            + "OCOP-REG-00002,PM-2,Trà,12a,5,Đang bán,\n"
            + "OCOP-REG-00003,PM-3,Cà phê,90.000,7,Vi phạm,\n";
        using var imported = await client.PostAsync($"api/channels/{SheetsApiHost.Channel}/floor-export", Upload(csv, "postmart-export.csv"), Ct);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var result = await imported.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((2, 1, 1, 1), (result.GetProperty("itemsRead").GetInt32(), result.GetProperty("activeItems").GetInt32(),
            result.GetProperty("bannedItems").GetInt32(), result.GetProperty("rowsWithProblems").GetInt32()));
        var problem = Assert.Single(result.GetProperty("problems").EnumerateArray());
        Assert.Equal((3, "D", "Giá bán"), (problem.GetProperty("row").GetInt32(), problem.GetProperty("column").GetString(), problem.GetProperty("header").GetString()));
        Assert.Equal("Row 3, column D (Giá bán): '12a' is not a whole number of đồng", problem.GetProperty("text").GetString());
        var kept = await _host.Store.LatestExportAsync(SheetsApiHost.Channel, Ct);
        Assert.Equal(["OCOP-REG-00001", "OCOP-REG-00003"], kept!.Items.Select(i => i.SellerSku));

        using var garbage = await client.PostAsync($"api/channels/{SheetsApiHost.Channel}/floor-export", Upload("not a workbook", "export.xlsx"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Contains("not an XLSX workbook", await garbage.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var missing = await client.PostAsync($"api/channels/{SheetsApiHost.Channel}/floor-export", Upload("Mã SKU,Giá bán\nA,1\n", "export.csv"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("'Tồn kho' (Sheet:Export:Stock)", await missing.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("postmart-export.csv", (await _host.Store.LatestExportAsync(SheetsApiHost.Channel, Ct))!.FileName);

        using var noTemplate = await client.PostAsync($"api/channels/{SheetsApiHost.NoExportChannel}/floor-export", Upload(csv, "export.csv"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noTemplate.StatusCode);
        Assert.Contains($"Channels:{SheetsApiHost.NoExportChannel}:Sheet:Export", await noTemplate.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var notMultipart = await client.PostAsync($"api/channels/{SheetsApiHost.Channel}/floor-export", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notMultipart.StatusCode);
        using var tooLarge = await client.PostAsync($"api/channels/{SheetsApiHost.Channel}/floor-export",
            Upload(new string('x', 11 * 1024 * 1024), "export.csv"), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
    }

    [Theory]
    [InlineData("GET", "api/channels/{0}/sheets")]
    [InlineData("POST", "api/channels/{0}/sheets/download")]
    [InlineData("GET", "api/channels/{0}/sheets/1/file")]
    [InlineData("POST", "api/channels/{0}/sheets/1/uploaded")]
    [InlineData("POST", "api/channels/{0}/floor-export")]
    public async Task UnknownChannel_OrAChannelOfAnotherKind_Is404WithTheReason(string method, string template)
    {
        using var client = _host.Client();
        using var unknown = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), template.Replace("{0}", "no-such-floor", StringComparison.Ordinal)), Ct);
        using var other = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), template.Replace("{0}", SheetsApiHost.ApiChannel, StringComparison.Ordinal)), Ct);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknown.StatusCode, other.StatusCode));
        Assert.Contains("No sheet channel 'no-such-floor' is configured", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("is a 'sandbox' channel, not a sheet channel", await other.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewer_ReadsButChangesNothing_AnonymousReadsNothing()
    {
        var sheetId = await _host.AppendAsync(SheetsApiHost.AddRow("OCOP-REG-00001"));
        using var viewer = _host.Client(SheetsApiHost.Viewer, SheetsApiHost.ViewerPassword);
        using var anonymous = _host.Client(null);

        using var list = await viewer.GetAsync(Sheets, Ct);
        using var download = await viewer.PostAsync($"{Sheets}/download", null, Ct);
        using var mark = await viewer.PostAsync($"{Sheets}/{sheetId}/uploaded", null, Ct);
        using var import = await viewer.PostAsync($"api/channels/{SheetsApiHost.Channel}/floor-export", Upload("Mã SKU\n", "x.csv"), Ct);
        using var peek = await anonymous.GetAsync(Sheets, Ct);

        Assert.Equal(
            (HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized),
            (list.StatusCode, download.StatusCode, mark.StatusCode, import.StatusCode, peek.StatusCode));
        Assert.Equal("open", Assert.Single(await ListAsync(_host.Client())).GetProperty("state").GetString());
        Assert.Null(await _host.Store.LatestExportAsync(SheetsApiHost.Channel, Ct));
    }

    [Fact]
    public async Task DownloadWithOnlyTheStaffCookieFromAForeignPage_IsRefused_SameOriginIsNot()
    {
        await _host.AppendAsync(SheetsApiHost.AddRow("OCOP-REG-00001"));
        using var browser = await StaffBrowser.LogInAsync(_host.BaseAddress, SheetsApiHost.Operator, SheetsApiHost.OperatorPassword);

        using var forged = await browser.PostAsync($"{Sheets}/download", origin: "https://evil.example");
        using var noOrigin = await browser.PostAsync($"{Sheets}/download", origin: null);
        Assert.Equal("open", Assert.Single(await ListAsync(_host.Client())).GetProperty("state").GetString());
        using var sameSite = await browser.PostAsync($"{Sheets}/download", origin: _host.BaseAddress.GetLeftPart(UriPartial.Authority));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK), (forged.StatusCode, noOrigin.StatusCode, sameSite.StatusCode));
        Assert.Equal("downloaded", Assert.Single(await ListAsync(_host.Client())).GetProperty("state").GetString());
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>(Sheets, Ct)).EnumerateArray()];

    internal static MultipartFormDataContent Upload(string text, string fileName)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/octet-stream");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    /// <summary>The headers of the example template, in order, as configured (what the floor's importer expects).</summary>
    internal static List<string> TemplateHeaders() =>
    [
        .. new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryRoot.Path, "config", "examples", "postmart-sheet-channel.json")).Build()
            .GetSection($"Channels:{SheetsApiHost.Channel}:Sheet:Columns").GetChildren()
            .OrderBy(c => int.Parse(c.Key, System.Globalization.CultureInfo.InvariantCulture)).Select(c => c["Header"]!),
    ];

    /// <summary>The workbook read with the Open XML SDK directly (not the library's reader): sheet name and rows of cell texts.</summary>
    internal static (string SheetName, List<List<string>> Rows) ReadXlsx(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheet = Assert.Single(workbook.Workbook.Sheets!.Elements<Sheet>());
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var rows = new List<List<string>>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            // Cells are sparse (an empty cell is not written): place each by its column letters.
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference!.Value!.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1)) - 1;
                while (cells.Count <= column)
                {
                    cells.Add(string.Empty);
                }

                cells[column] = cell.DataType?.Value == CellValues.SharedString
                    ? strings[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
                    : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? string.Empty;
            }

            rows.Add(cells);
        }

        return (sheet.Name!.Value!, rows);
    }
}
