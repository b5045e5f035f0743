using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Ocop.MarketSync.Api.Security;
using Ocop.MarketSync.Marketplaces.Sheets.Reading;
using Ocop.MarketSync.Marketplaces.Sheets.Store;
using Ocop.MarketSync.Marketplaces.Sheets.Writing;

namespace Ocop.MarketSync.Api.Sheets;

/// <summary>
/// The staff cycle of a sheet channel (a floor without an API, docs/marketplaces/sheets.md): list its upload sheets,
/// download the open one (which closes it), download an earlier one again, mark one uploaded to the floor, import the
/// floor's product export. All need a staff login: the files carry prices and stock. Reading is for any staff, and the
/// staff policy keeps every POST (a change) for operators.
/// </summary>
public static partial class SheetEndpoints
{
    public static IEndpointRouteBuilder MapSheetEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/channels/{id}").WithTags("Sheets").RequireAuthorization(StaffAuthentication.Policy);
        group.MapGet("/sheets", ListAsync)
            .WithSummary("A sheet channel's upload sheets, newest first: state (open, downloaded, uploaded), times, row counts.");
        group.MapPost("/sheets/download", DownloadOpenAsync)
            .WithSummary("Staff: download the open sheet in the floor's template. This closes it: later changes go into a new sheet.")
            .WithDescription("404 with a reason when no sheet is open (nothing waits for upload).")
            .Produces(StatusCodes.Status200OK, contentType: SheetWriter.XlsxContentType);
        group.MapGet("/sheets/{sheetId:long}/file", DownloadAgainAsync)
            .WithSummary("Download an earlier (closed) sheet again; the content is the same as the first time.")
            .Produces(StatusCodes.Status200OK, contentType: SheetWriter.XlsxContentType);
        group.MapPost("/sheets/{sheetId:long}/uploaded", MarkUploadedAsync)
            .WithSummary("Staff: the sheet was uploaded to the floor and accepted; its listings count as on the floor from now.")
            .WithDescription("409 while the sheet is still open (download it first). Marking an uploaded sheet again keeps the first time.");
        group.MapPost("/floor-export", ImportAsync)
            .WithSummary("Staff: import the floor's product export (XLSX or CSV, multipart field 'file', at most 10 MB) for reconciliation.")
            .WithDescription("Returns the items read and each row that did not read with its row and column; the good rows are kept. "
                + "400 when the file cannot be read at all or the channel has no export template (Channels:{id}:Sheet:Export).");
        return app;
    }

    private static async Task<Results<Ok<List<SheetDto>>, ProblemHttpResult>> ListAsync(
        HttpContext http, string id, CancellationToken cancellationToken)
    {
        var sheets = new SheetStaffDesk(http.RequestServices);
        if (sheets.NotASheetChannel(id) is { } reason)
        {
            return NoChannel(reason);
        }

        var list = await sheets.Desk.ListSheetsAsync(id, cancellationToken);
        return TypedResults.Ok(list.Select(SheetDto.From).ToList());
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadOpenAsync(
        HttpContext http, ClaimsPrincipal user, ILoggerFactory logs, string id, CancellationToken cancellationToken)
    {
        var sheets = new SheetStaffDesk(http.RequestServices);
        if (sheets.NotASheetChannel(id) is { } reason)
        {
            return NoChannel(reason);
        }

        var file = await sheets.Desk.DownloadOpenSheetAsync(id, cancellationToken);
        if (file is null)
        {
            return TypedResults.Problem($"Channel '{id}' has no open sheet: nothing is waiting to be uploaded. Earlier sheets are at {SheetRoutes.List(id)}.",
                statusCode: StatusCodes.Status404NotFound, title: "No open sheet");
        }

        LogDownloaded(Logger(logs), StaffUser.Name(user), file.FileName, id);
        return TypedResults.File(file.Content, file.ContentType, SheetStaffDesk.StaffFileName(file));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAgainAsync(
        HttpContext http, string id, long sheetId, CancellationToken cancellationToken)
    {
        var sheets = new SheetStaffDesk(http.RequestServices);
        if (sheets.NotASheetChannel(id) is { } reason)
        {
            return NoChannel(reason);
        }

        var sheet = await sheets.FindAsync(id, sheetId, cancellationToken);
        if (sheet is null)
        {
            return NoSheet(id, sheetId);
        }

        if (sheet.State == SheetState.Open)
        {
            return StillOpen(id, sheetId, "downloaded again: download the open sheet (POST " + SheetRoutes.List(id) + "/download), which closes it");
        }

        var file = await sheets.Desk.RenderAsync(sheetId, cancellationToken);
        return file is null ? NoSheet(id, sheetId) : TypedResults.File(file.Content, file.ContentType, SheetStaffDesk.StaffFileName(file));
    }

    private static async Task<Results<Ok<SheetDto>, ProblemHttpResult>> MarkUploadedAsync(
        HttpContext http, ClaimsPrincipal user, ILoggerFactory logs, string id, long sheetId, CancellationToken cancellationToken)
    {
        var sheets = new SheetStaffDesk(http.RequestServices);
        if (sheets.NotASheetChannel(id) is { } reason)
        {
            return NoChannel(reason);
        }

        var sheet = await sheets.FindAsync(id, sheetId, cancellationToken);
        if (sheet is null)
        {
            return NoSheet(id, sheetId);
        }

        if (sheet.State == SheetState.Open || !await sheets.Desk.MarkUploadedAsync(sheetId, cancellationToken))
        {
            return StillOpen(id, sheetId, "marked uploaded: download it, upload the file to the floor, then mark it");
        }

        LogUploaded(Logger(logs), StaffUser.Name(user), sheetId, id);
        var marked = await sheets.FindAsync(id, sheetId, cancellationToken);
        return marked is null ? NoSheet(id, sheetId) : TypedResults.Ok(SheetDto.From(marked));
    }

    private static async Task<Results<Ok<FloorExportImportDto>, ProblemHttpResult>> ImportAsync(
        HttpContext http, ClaimsPrincipal user, ILoggerFactory logs, string id, CancellationToken cancellationToken)
    {
        var sheets = new SheetStaffDesk(http.RequestServices);
        if (sheets.NotASheetChannel(id) is { } reason)
        {
            return NoChannel(reason);
        }

        if (sheets.MissingExportTemplate(id) is { } missing)
        {
            return TypedResults.Problem(missing, statusCode: StatusCodes.Status400BadRequest, title: "No export template");
        }

        var upload = await SheetStaffDesk.ReadUploadAsync(http.Request, cancellationToken);
        if (upload.Content is null)
        {
            return TypedResults.Problem(upload.Error, statusCode: upload.Status, title: "No readable upload");
        }

        try
        {
            await using var content = upload.Content;
            var export = await sheets.Desk.ImportExportAsync(id, content, upload.FileName, cancellationToken);
            LogImported(Logger(logs), StaffUser.Name(user), upload.FileName, id, export.Items.Count, export.Problems.Count);
            return TypedResults.Ok(FloorExportImportDto.From(export));
        }
        catch (SheetFormatException ex)
        {
            return TypedResults.Problem($"'{upload.FileName}' could not be read, so nothing was imported: {ex.Message}",
                statusCode: StatusCodes.Status400BadRequest, title: "Unreadable export");
        }
    }

    private static ProblemHttpResult NoChannel(string reason) =>
        TypedResults.Problem(reason, statusCode: StatusCodes.Status404NotFound, title: "Sheet channel not found");

    private static ProblemHttpResult NoSheet(string id, long sheetId) =>
        TypedResults.Problem($"Channel '{id}' has no sheet {sheetId}.", statusCode: StatusCodes.Status404NotFound, title: "Sheet not found");

    private static ProblemHttpResult StillOpen(string id, long sheetId, string what) =>
        TypedResults.Problem($"Sheet {sheetId} of channel '{id}' is still open (it still takes rows), so it cannot be {what}.",
            statusCode: StatusCodes.Status409Conflict, title: "Sheet still open");

    private static ILogger Logger(ILoggerFactory logs) => logs.CreateLogger(typeof(SheetEndpoints).FullName!);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff {User} downloaded {FileName} of sheet channel {ChannelId}, which closed it")]
    private static partial void LogDownloaded(ILogger logger, string user, string fileName, string channelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff {User} marked sheet {SheetId} of sheet channel {ChannelId} uploaded to the floor")]
    private static partial void LogUploaded(ILogger logger, string user, long sheetId, string channelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff {User} imported floor export {FileName} of channel {ChannelId}: {Items} items, {Problems} problems")]
    internal static partial void LogImported(ILogger logger, string user, string fileName, string channelId, int items, int problems);
}
