using Ocop.MarketSync.Marketplaces.Sheets.Store;

namespace Ocop.MarketSync.Api.Sheets;

/// <summary>One upload sheet of a sheet channel: where it is (open, downloaded, uploaded), when, and how many rows.</summary>
/// <param name="FileUrl">Where to download it again; null while it is open (downloading the open sheet closes it, a POST).</param>
public sealed record SheetDto(
    long Id,
    string ChannelId,
    SheetState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DownloadedAt,
    DateTimeOffset? UploadedAt,
    int RowCount,
    string? FileUrl)
{
    public static SheetDto From(SheetSummary sheet) => new(
        sheet.Id, sheet.ChannelId, sheet.State, sheet.CreatedAt, sheet.DownloadedAt, sheet.UploadedAt, sheet.RowCount,
        sheet.State == SheetState.Open ? null : SheetRoutes.File(sheet.ChannelId, sheet.Id));
}

/// <summary>What an imported floor export gave: the items read and, for each row that did not read, where and why.</summary>
/// <param name="ItemsRead">Products read and kept (the good rows).</param>
/// <param name="RowsWithProblems">Rows left out because at least one of their cells did not read.</param>
public sealed record FloorExportImportDto(
    string ChannelId,
    string FileName,
    DateTimeOffset ImportedAt,
    int ItemsRead,
    int ActiveItems,
    int BannedItems,
    int RowsWithProblems,
    IReadOnlyList<SheetProblemDto> Problems)
{
    public static FloorExportImportDto From(FloorExport export) => new(
        export.ChannelId,
        export.FileName,
        export.ImportedAt,
        export.Items.Count,
        export.Items.Count(i => i.Active),
        export.Items.Count(i => i.Banned),
        export.Problems.Select(p => p.Row).Distinct().Count(),
        [.. export.Problems.Select(SheetProblemDto.From)]);
}

/// <param name="Column">Column letter as the spreadsheet shows it (A, B, … AA); empty for a problem of the whole row.</param>
/// <param name="Text">The whole problem in one line, e.g. <c>Row 7, column D (Giá bán): '12a' is not a whole number of đồng</c>.</param>
public sealed record SheetProblemDto(int Row, string Column, string Header, string Message, string Text)
{
    public static SheetProblemDto From(SheetCellProblem problem) =>
        new(problem.Row, problem.Column, problem.Header, problem.Message, problem.ToString());
}

/// <summary>The one place the sheet API's addresses are built (the DTOs and the console link to them).</summary>
public static class SheetRoutes
{
    public static string List(string channelId) => $"/api/channels/{Uri.EscapeDataString(channelId)}/sheets";

    public static string File(string channelId, long sheetId) =>
        $"{List(channelId)}/{sheetId.ToString(System.Globalization.CultureInfo.InvariantCulture)}/file";
}
