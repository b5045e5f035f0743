using Ocop.MarketSync.IntegrationTests.Infrastructure;

namespace Ocop.MarketSync.IntegrationTests.Sheets;

/// <summary>
/// "Bảng tính tải lên sàn" as staff use it, in a real Chromium: download the Postmart sheet through the button, mark
/// it uploaded after the confirmation, import the floor's export through the form and read its problems; in
/// Vietnamese, and in English through Console:Language; a viewer sees no button.
/// </summary>
public sealed class SheetConsoleBrowserTests(PostgresServer postgres)
{
    private const string Channel = SheetsApiHost.Channel;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Operator_DownloadsTheSheet_MarksItUploaded_ImportsTheFloorExport_InVietnamese()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres);
        await using var host = await SheetsApiHost.StartAsync(harness);
        var sheetId = await host.AppendAsync(SheetsApiHost.AddRow("OCOP-REG-00001"), SheetsApiHost.AddRow("OCOP-REG-00002", 89_000, 12));
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var page = await browser.LogInAsync(host.BaseAddress, SheetsApiHost.Operator, SheetsApiHost.OperatorPassword);
        await page.GotoAsync(Url(host, "hangfire/console/channels"));
        Assert.Equal("2", await page.GetAttributeAsync($"tr[data-channel='{Channel}'] .sheet-pending", "data-rows"));
        Assert.Contains("Chờ tải lên sàn: 2 dòng", await page.InnerTextAsync($"tr[data-channel='{Channel}']"), StringComparison.Ordinal);

        await page.ClickAsync("a:has-text('Bảng tính tải lên sàn')");
        var section = page.Locator($"section[data-channel='{Channel}']");
        Assert.Contains($"Số {sheetId}: 2 dòng chờ tải lên sàn", await section.Locator(".sheet-open-summary").InnerTextAsync(), StringComparison.Ordinal);

        // Download: the button closes the sheet, the page it lands on fetches the file.
        var download = await page.RunAndWaitForDownloadAsync(() => section.Locator("button[data-action='sheet-download']").ClickAsync());
        Assert.Equal($"postmart-hn-sheet-{sheetId}-{DateTime.UtcNow:yyyy-MM-dd}.xlsx", download.SuggestedFilename);
        var saved = Path.Combine(Path.GetTempPath(), $"ocop-sheet-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(saved);
        var (_, rows) = SheetApiTests.ReadXlsx(await File.ReadAllBytesAsync(saved, Ct));
        File.Delete(saved);
        Assert.Equal(SheetApiTests.TemplateHeaders(), rows[0]);
        Assert.Equal(3, rows.Count);
        Assert.Contains("Tải bảng tính xuống", await page.InnerTextAsync("#action-result"), StringComparison.Ordinal);
        Assert.Equal("Không có dòng nào chờ tải lên sàn.", (await section.Locator(".sheet-open-summary").InnerTextAsync()).Trim());
        var row = section.Locator($"tr[data-sheet='{sheetId}']");
        Assert.Equal("Đã tải xuống, chưa tải lên sàn", (await row.Locator(".sheet-state").InnerTextAsync()).Trim());

        // Mark uploaded, after confirming that the floor accepted the file.
        string? confirmation = null;
        page.Dialog += async (_, dialog) =>
        {
            confirmation = dialog.Message;
            await dialog.AcceptAsync();
        };
        await row.Locator("button[data-action='sheet-uploaded']").ClickAsync();
        await page.WaitForSelectorAsync("#action-result:has-text('Đánh dấu đã tải lên sàn')");
        Assert.Equal($"Sàn đã nhận tệp của bảng tính số {sheetId}? Chỉ đánh dấu khi sàn đã nhận tệp.", confirmation);
        Assert.Equal("Đã tải lên sàn", (await section.Locator($"tr[data-sheet='{sheetId}'] .sheet-state").InnerTextAsync()).Trim());
        Assert.Equal(0, await section.Locator("button[data-action='sheet-uploaded']").CountAsync());

        // Import the floor's export: one bad price is reported by row and column, the good rows are read.
        var export = Path.Combine(Path.GetTempPath(), $"postmart-export-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(export, "Mã SKU,Mã sản phẩm,Tên sản phẩm,Giá bán,Tồn kho,Trạng thái,Đường dẫn\n"
            + "OCOP-REG-00001,PM-1,Mật ong,125000,40,Đang bán,\nOCOP-REG-00002,PM-2,Trà,12a,5,Đang bán,\n", Ct);
        await section.Locator("input[type=file]").SetInputFilesAsync(export);
        await section.Locator("button[data-action='sheet-import']").ClickAsync();
        await page.WaitForSelectorAsync("#action-result:has-text('Nhập tệp từ sàn')");
        File.Delete(export);
        section = page.Locator($"section[data-channel='{Channel}']");
        Assert.Contains("đọc được 1 sản phẩm (1 đang bán, 0 bị sàn khoá); 1 dòng có lỗi", await section.Locator(".sheet-last-import").InnerTextAsync(), StringComparison.Ordinal);
        var problem = section.Locator(".sheet-problems tr[data-row='3'][data-column='D']");
        Assert.Contains("Giá bán", await problem.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("'12a' is not a whole number of đồng", await problem.InnerTextAsync(), StringComparison.Ordinal);

        // A file that is not a workbook: the reason shows once, and nothing replaced the last import.
        var garbage = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllTextAsync(garbage, "not a workbook", Ct);
        await section.Locator("input[type=file]").SetInputFilesAsync(garbage);
        await section.Locator("button[data-action='sheet-import']").ClickAsync();
        await page.WaitForSelectorAsync(".sheet-import-error");
        File.Delete(garbage);
        Assert.Contains("Không nhập được tệp", await page.InnerTextAsync(".sheet-import-error"), StringComparison.Ordinal);
        Assert.Contains("not an XLSX workbook", await page.InnerTextAsync(".sheet-import-error"), StringComparison.Ordinal);
        Assert.Contains("1 dòng có lỗi", await page.InnerTextAsync($"section[data-channel='{Channel}'] .sheet-last-import"), StringComparison.Ordinal);
        await page.ReloadAsync();
        Assert.Equal(0, await page.Locator(".sheet-import-error").CountAsync());

        // The channel without an export template says which key to configure instead of offering the form.
        Assert.Contains($"Channels:{SheetsApiHost.NoExportChannel}:Sheet:Export",
            await page.InnerTextAsync($"section[data-channel='{SheetsApiHost.NoExportChannel}'] .sheet-no-template"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewer_SeesTheSheetsWithoutButtons_InEnglish()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres);
        await using var host = await SheetsApiHost.StartAsync(harness, language: "en");
        var sheetId = await host.AppendAsync(SheetsApiHost.AddRow("OCOP-REG-00001"));
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var page = await browser.LogInAsync(host.BaseAddress, SheetsApiHost.Viewer, SheetsApiHost.ViewerPassword);

        await page.ClickAsync("a:has-text('Upload sheets')");
        var section = page.Locator($"section[data-channel='{Channel}']");
        Assert.Contains($"No. {sheetId}: 1 row(s) waiting for upload", await section.Locator(".sheet-open-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#read-only").IsVisibleAsync());
        Assert.Equal(0, await page.Locator("form[action$='/console/sheets/actions']").CountAsync());
    }

    private static string Url(SheetsApiHost host, string path) => new Uri(host.BaseAddress, path).ToString();
}
