using Ocop.MarketSync.Api.Products;
using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Api.Reconciliation;

public sealed record ReconciliationCountsDto(
    int Checked, int InSync, int DriftedPrice, int DriftedStock, int DriftedContent, int DriftedStatus,
    int Missing, int Banned, int Orphaned, int SkippedBusy);

public sealed record ReconciliationRunDto(
    long Id,
    string ChannelId,
    string Status,
    string RequestedBy,
    DateTime RequestedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    double? DurationSeconds,
    ReconciliationCountsDto Counts,
    string? Error)
{
    public static ReconciliationRunDto From(ReconciliationRun run) => new(
        run.Id, run.ChannelId, run.Status.ToString(), run.RequestedBy, run.RequestedAt, run.StartedAt, run.FinishedAt,
        run.StartedAt is { } start && run.FinishedAt is { } end ? Math.Round((end - start).TotalSeconds, 3) : null,
        new ReconciliationCountsDto(run.Checked, run.InSync, run.DriftedPrice, run.DriftedStock, run.DriftedContent, run.DriftedStatus,
            run.Missing, run.Banned, run.Orphaned, run.SkippedBusy),
        run.Error);
}

/// <param name="Aspects">For drift: the aspects that differed (Stock, Status, Price, Content).</param>
public sealed record ReconciliationFindingDto(string Kind, long? ListingId, string SellerSku, string? RemoteId, IReadOnlyList<string> Aspects, string Detail)
{
    private static readonly ListingAspect[] Single = [ListingAspect.Stock, ListingAspect.Status, ListingAspect.Price, ListingAspect.Content];

    public static ReconciliationFindingDto From(ReconciliationFinding finding) => new(
        finding.Kind.ToString(), finding.ListingId, finding.SellerSku, finding.RemoteId,
        [.. Single.Where(a => finding.Aspects.HasFlag(a)).Select(a => a.ToString())],
        finding.Detail);
}

public sealed record ReconciliationReportDto(ReconciliationRunDto Run, PageDto<ReconciliationFindingDto> Findings);
