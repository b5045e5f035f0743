using System.Globalization;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Ocop.MarketSync.Api.Security;
using Ocop.MarketSync.Api.Sheets;
using Ocop.MarketSync.Marketplaces.Sheets.Reading;
using Ocop.MarketSync.Marketplaces.Sheets.Store;

namespace Ocop.MarketSync.Api.Dashboard;

/// <summary>
/// <c>POST /hangfire/console/sheets/actions</c>: the buttons of "Bảng tính tải lên sàn" — download the open sheet (which
/// closes it), mark a sheet uploaded, import the floor's export — then back to the page (post/redirect/get). Its own
/// route because an import is a multipart upload and a download hands the page the sheet's number to fetch.
/// </summary>
/// <remarks>
/// The same three locks as <see cref="ConsoleActionDispatcher"/>: the staff policy refuses viewers' posts at the
/// endpoint, Hangfire refuses a post without a valid anti-forgery token, and this checks the role again.
/// </remarks>
internal sealed class SheetActionDispatcher : IDashboardDispatcher
{
    public const string Route = "/console/sheets/actions";

    public async Task Dispatch(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (ConsoleActionDispatcher.Refused(http))
        {
            return;
        }

        var ct = http.RequestAborted;
        var upload = http.Request.ContentType!.Contains("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            ? await SheetStaffDesk.ReadUploadAsync(http.Request, ct)
            : null;
        var form = upload is null ? await http.Request.ReadFormAsync(ct) : upload.Form;
        if (form is null)
        {
            http.Response.StatusCode = upload!.Status;
            return;
        }

        var action = form["action"].ToString();
        var channel = form["channel"].ToString();
        var sheets = new SheetStaffDesk(http.RequestServices);
        var url = new UrlHelper(context);
        var query = $"?act={Uri.EscapeDataString(action)}&channel={Uri.EscapeDataString(channel)}";
        if (!sheets.IsSheetChannel(channel))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var user = StaffUser.Name(http.User);
        var log = http.RequestServices.GetService(typeof(ILoggerFactory)) is ILoggerFactory logs ? logs.CreateLogger<SheetActionDispatcher>() : null;
        switch (action)
        {
            case "sheet-download":
                // Closing happens here; the page it redirects to fetches the file by its number (a GET that changes nothing).
                var issued = await sheets.CloseOpenSheetAsync(channel, ct);
                query += issued is null ? "&done=0&of=1" : string.Create(CultureInfo.InvariantCulture, $"&done=1&of=1&sheet={issued.Id}");
                if (issued is not null)
                {
                    log?.LogInformation("Staff {User} downloaded sheet {SheetId} of sheet channel {ChannelId} in the console, which closed it", user, issued.Id, channel);
                }

                break;
            case "sheet-uploaded":
                var marked = long.TryParse(form["sheet"], NumberStyles.None, CultureInfo.InvariantCulture, out var sheetId)
                    && await sheets.FindAsync(channel, sheetId, ct) is { State: not SheetState.Open }
                    && await sheets.Desk.MarkUploadedAsync(sheetId, ct);
                query += marked ? "&done=1&of=1" : "&done=0&of=1";
                if (marked)
                {
                    log?.LogInformation("Staff {User} marked sheet {SheetId} of sheet channel {ChannelId} uploaded in the console", user, sheetId, channel);
                }

                break;
            case "sheet-import":
                var error = sheets.MissingExportTemplate(channel) ?? upload?.Error ?? (upload is null ? "The form carries no file." : null);
                if (error is null)
                {
                    try
                    {
                        await using var content = upload!.Content!;
                        var export = await sheets.Desk.ImportExportAsync(channel, content, upload.FileName, ct);
                        log?.LogInformation("Staff {User} imported floor export {FileName} of channel {ChannelId} in the console: {Items} items, {Problems} problems",
                            user, upload.FileName, channel, export.Items.Count, export.Problems.Count);
                    }
                    catch (SheetFormatException ex)
                    {
                        error = $"'{upload!.FileName}': {ex.Message}";
                    }
                }

                if (error is not null)
                {
                    // The reason travels in a short-lived cookie of the page, never in the URL, where anyone could write one.
                    var text = channel + "\n" + (error.Length > 1500 ? error[..1500] + "…" : error);
                    http.Response.Cookies.Append(SheetsPage.ImportErrorCookie, Uri.EscapeDataString(text), new CookieOptions
                    {
                        Path = SheetsPage.CookiePath(url), HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true, MaxAge = TimeSpan.FromMinutes(5),
                    });
                }

                query += error is null ? "&done=1&of=1" : "&done=0&of=1";
                break;
            default:
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
        }

        http.Response.StatusCode = StatusCodes.Status303SeeOther;
        http.Response.Headers.Location = url.To(SheetsPage.Route) + query + "#sheets-" + Uri.EscapeDataString(channel);
    }
}
