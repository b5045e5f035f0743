using System.Globalization;
using Ocop.MarketSync.Api.Sheets;
using Ocop.MarketSync.Marketplaces.Sheets.Store;

namespace Ocop.MarketSync.Api.Dashboard;

/// <summary>
/// "Bảng tính tải lên sàn": per sheet channel (a floor without an API) the open sheet with its rows waiting and the
/// button that downloads it (closing it), the downloaded sheets with their times and state, downloading one again,
/// marking one uploaded to the floor, and the form importing the floor's export with what the last import read.
/// </summary>
/// <remarks>
/// The sheet store is asynchronous and Hangfire renders pages synchronously, so its calls are waited on here. ASP.NET
/// Core has no synchronization context, so this cannot deadlock; it holds a thread for a few short store calls.
/// </remarks>
internal sealed class SheetsPage : ConsolePage
{
    public const string Route = "/console/sheets";

    /// <summary>The cookie carrying an import's failure to the page it redirects to (not the URL: no text of ours to forge there).</summary>
    public const string ImportErrorCookie = "ocop.sheet-import-error";

    protected override string Title => T.Raw("Sheets.Title");

    protected override void Render()
    {
        WriteLiteral($"<h1 class=\"page-header\">{T["Sheets.Title"]}</h1><p class=\"oc-muted\">{T["Sheets.Intro"]}</p>");
        var sheets = new SheetStaffDesk(Http.RequestServices);
        if (sheets.ChannelIds.Count == 0)
        {
            WriteLiteral($"<p id=\"no-sheet-channels\">{T["Sheets.None"]}</p>");
            return;
        }

        var importError = TakeImportError();
        var ct = Http.RequestAborted;
        foreach (var channelId in sheets.ChannelIds)
        {
            var list = Wait(sheets.Desk.ListSheetsAsync(channelId, ct));
            var lastImport = Wait(Service<ISheetStore>().LatestExportAsync(channelId, ct));
            var channel = ConsoleText.Encode(channelId);
            WriteLiteral($"<section class=\"sheet-channel\" data-channel=\"{channel}\" id=\"sheets-{channel}\"><h2>{channel}</h2>");
            RenderOpen(channelId, list.FirstOrDefault(s => s.State == SheetState.Open));
            RenderDownloaded(channelId, [.. list.Where(s => s.State != SheetState.Open)]);
            RenderImport(channelId, sheets.MissingExportTemplate(channelId) is null, lastImport,
                importError is { } e && e.Channel == channelId ? e.Message : null);
            WriteLiteral("</section>");
        }
    }

    private void RenderOpen(string channelId, SheetSummary? open)
    {
        WriteLiteral($"<h3>{T["Sheets.Open"]}</h3><div class=\"sheet-open\">");
        var downloaded = Param("act") == "sheet-download" && Param("channel") == channelId
            && long.TryParse(Param("sheet"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (long?)null;
        if (downloaded is { } sheetId)
        {
            // Post/redirect/get: the post closed the sheet, this page fetches its file (a GET that changes nothing).
            var href = ConsoleText.Encode(SiteUrl(SheetRoutes.File(channelId, sheetId)));
            WriteLiteral($"<p class=\"alert alert-info\">{T.Format("Sheets.FileReady", sheetId)} <a id=\"sheet-file\" href=\"{href}\" download>"
                + $"{T["Sheets.DownloadAgain"]} ({ConsoleText.Number(sheetId)})</a></p>"
                + "<script>document.getElementById('sheet-file').click();</script>");
        }

        if (open is null)
        {
            WriteLiteral($"<p class=\"sheet-open-summary oc-muted\">{T["Sheets.NothingOpen"]}</p></div>");
            return;
        }

        WriteLiteral($"<p class=\"sheet-open-summary\" data-sheet=\"{ConsoleText.Number(open.Id)}\" data-rows=\"{ConsoleText.Number(open.RowCount)}\">"
            + T.Format("Sheets.OpenSummary", open.Id, open.RowCount, T.Time(open.CreatedAt.UtcDateTime)) + "</p>");
        if (CanAct)
        {
            WriteLiteral(FormStart("sheet-download", route: SheetActionDispatcher.Route) + Channel(channelId) + Button("sheet-download")
                + $" <span class=\"oc-muted\">{T["Sheets.DownloadNote"]}</span></form>");
        }

        WriteLiteral("</div>");
    }

    private void RenderDownloaded(string channelId, List<SheetSummary> sheets)
    {
        WriteLiteral($"<h3>{T["Sheets.Earlier"]}</h3>");
        if (sheets.Count == 0)
        {
            WriteLiteral($"<p class=\"oc-muted\">{T["Sheets.NoEarlier"]}</p>");
            return;
        }

        WriteLiteral($"<table class=\"table sheet-list\"><thead><tr><th>{T["Sheets.Number"]}</th><th>{T["Sheets.Created"]}</th><th>{T["Sheets.Downloaded"]}</th>"
            + $"<th>{T["Sheets.Uploaded"]}</th><th>{T["Sheets.Rows"]}</th><th>{T["Col.State"]}</th><th>{T["Col.Action"]}</th></tr></thead><tbody>");
        foreach (var sheet in sheets)
        {
            var href = ConsoleText.Encode(SiteUrl(SheetRoutes.File(channelId, sheet.Id)));
            WriteLiteral($"<tr data-sheet=\"{ConsoleText.Number(sheet.Id)}\" data-state=\"{sheet.State.ToString().ToLowerInvariant()}\"><td>{ConsoleText.Number(sheet.Id)}</td>"
                + $"<td>{T.Time(sheet.CreatedAt.UtcDateTime)}</td><td>{T.Time(sheet.DownloadedAt?.UtcDateTime)}</td><td>{T.Time(sheet.UploadedAt?.UtcDateTime)}</td>"
                + $"<td>{ConsoleText.Number(sheet.RowCount)}</td><td class=\"sheet-state\">{T["Sheets.State." + sheet.State]}</td>"
                + $"<td class=\"oc-actions\"><a class=\"btn btn-sm btn-default sheet-file\" href=\"{href}\" download>{T["Sheets.DownloadAgain"]}</a> ");
            if (CanAct && sheet.State == SheetState.Downloaded)
            {
                var confirm = string.Format(T.Culture, T.Raw("Sheets.ConfirmUploaded"), sheet.Id);
                WriteLiteral(FormStart("sheet-uploaded", confirm, route: SheetActionDispatcher.Route) + Channel(channelId)
                    + $"<input type=\"hidden\" name=\"sheet\" value=\"{ConsoleText.Number(sheet.Id)}\">" + Button("sheet-uploaded") + "</form>");
            }

            WriteLiteral("</td></tr>");
        }

        WriteLiteral("</tbody></table>");
    }

    private void RenderImport(string channelId, bool hasTemplate, FloorExport? last, string? error)
    {
        WriteLiteral($"<h3>{T["Sheets.Import"]}</h3>");
        if (!hasTemplate)
        {
            WriteLiteral($"<p class=\"oc-muted sheet-no-template\">{T["Sheets.NoExportTemplate"]} <code>Channels:{ConsoleText.Encode(channelId)}:Sheet:Export</code></p>");
            return;
        }

        if (error is not null)
        {
            WriteLiteral($"<div class=\"alert alert-danger sheet-import-error\" role=\"alert\">{T["Sheets.ImportFailed"]} {ConsoleText.Encode(error)}</div>");
        }

        if (CanAct)
        {
            WriteLiteral($"<p class=\"oc-muted\">{T["Sheets.ImportHelp"]}</p>" + FormStart("sheet-import", route: SheetActionDispatcher.Route, multipart: true)
                + Channel(channelId) + $"<input type=\"file\" name=\"{SheetStaffDesk.FileField}\" accept=\".xlsx,.csv\" required class=\"sheet-import-file\"> "
                + Button("sheet-import") + "</form>");
        }

        WriteLiteral($"<h4>{T["Sheets.LastImport"]}</h4>");
        if (last is null)
        {
            WriteLiteral($"<p class=\"oc-muted sheet-last-import\">{T["Sheets.NoImport"]}</p>");
            return;
        }

        var import = FloorExportImportDto.From(last);
        WriteLiteral($"<p class=\"sheet-last-import\" data-items=\"{ConsoleText.Number(import.ItemsRead)}\" data-problem-rows=\"{ConsoleText.Number(import.RowsWithProblems)}\">"
            + T.Format("Sheets.ImportSummary", last.FileName, T.Time(last.ImportedAt.UtcDateTime), import.ItemsRead, import.ActiveItems, import.BannedItems, import.RowsWithProblems) + "</p>");
        if (last.Problems.Count == 0)
        {
            return;
        }

        WriteLiteral($"<table class=\"table sheet-problems\"><thead><tr><th>{T["Sheets.Row"]}</th><th>{T["Sheets.Column"]}</th><th>{T["Sheets.Header"]}</th>"
            + $"<th>{T["Sheets.Problem"]}</th></tr></thead><tbody>");
        foreach (var problem in last.Problems)
        {
            WriteLiteral($"<tr data-row=\"{ConsoleText.Number(problem.Row)}\" data-column=\"{ConsoleText.Encode(problem.Column)}\"><td>{ConsoleText.Number(problem.Row)}</td>"
                + $"<td>{ConsoleText.Encode(problem.Column)}</td><td>{ConsoleText.Encode(problem.Header)}</td><td>{ConsoleText.Encode(problem.Message)}</td></tr>");
        }

        WriteLiteral("</tbody></table>");
    }

    private static string Channel(string channelId) => $"<input type=\"hidden\" name=\"channel\" value=\"{ConsoleText.Encode(channelId)}\">";

    /// <summary>The failure of the import that redirected here, read once: the cookie is removed as it is shown.</summary>
    private (string Channel, string Message)? TakeImportError()
    {
        if (!Http.Request.Cookies.TryGetValue(ImportErrorCookie, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        Http.Response.Cookies.Delete(ImportErrorCookie, new Microsoft.AspNetCore.Http.CookieOptions { Path = CookiePath(Url) });
        var text = Uri.UnescapeDataString(value);
        var split = text.IndexOf('\n', StringComparison.Ordinal);
        return split <= 0 ? null : (text[..split], text[(split + 1)..]);
    }

    /// <summary>Where the import-error cookie lives: the console's sheets page only.</summary>
    public static string CookiePath(Hangfire.Dashboard.UrlHelper url) => url.To(Route);

    private static TResult Wait<TResult>(Task<TResult> task) => task.GetAwaiter().GetResult();
}
