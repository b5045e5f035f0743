using Ocop.MarketSync.Marketplaces.Sheets.Store;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Sheets.Tests;

public sealed class SheetClientTrackTests
{
    private static CancellationToken Ct => SheetHarness.Ct;

    [Fact]
    public async Task TrackReviewsAsync_UntilMarkedUploaded_Waits_ThenApprovesWithTheSku()
    {
        // Arrange
        var harness = new SheetHarness();
        var ticket = (await harness.Client.CreateAsync([Listings.Create("OCOP-1")], Ct))[0].ReviewTicket!;

        // Act
        var whileOpen = await harness.Client.TrackReviewsAsync([ticket], Ct);
        var issued = await harness.Store.IssueOpenSheetAsync(SheetHarness.Channel, harness.Time.GetUtcNow(), Ct);
        var whileDownloaded = await harness.Client.TrackReviewsAsync([ticket], Ct);
        await harness.Store.MarkUploadedAsync(issued!.Id, harness.Time.GetUtcNow(), Ct);
        var afterUpload = await harness.Client.TrackReviewsAsync([ticket], Ct);

        // Assert
        Assert.Equal((ReviewDecision.Waiting, "sheet:open"), (whileOpen[0].Decision, whileOpen[0].RawState));
        Assert.Equal((ReviewDecision.Waiting, "sheet:downloaded"), (whileDownloaded[0].Decision, whileDownloaded[0].RawState));
        var approved = Assert.Single(afterUpload);
        Assert.Equal((ticket, ReviewDecision.Approved, "OCOP-1", true), (approved.Ticket, approved.Decision, approved.RemoteId, approved.Active));
    }

    [Fact]
    public async Task MarkUploadedAsync_OpenSheet_IsRefusedSoItsTicketsKeepWaiting()
    {
        // Arrange
        var harness = new SheetHarness();
        var ticket = (await harness.Client.CreateAsync([Listings.Create("OCOP-1")], Ct))[0].ReviewTicket!;
        var open = await harness.OpenSheetAsync();

        // Act
        var marked = await harness.Store.MarkUploadedAsync(open.Summary.Id, harness.Time.GetUtcNow(), Ct);

        // Assert
        Assert.False(marked);
        Assert.Equal(ReviewDecision.Waiting, (await harness.Client.TrackReviewsAsync([ticket], Ct))[0].Decision);
    }

    [Fact]
    public async Task TrackReviewsAsync_ExportGaveAFloorCode_ApprovesWithThatCode()
    {
        // Arrange
        var harness = new SheetHarness();
        var ticket = (await harness.Client.CreateAsync([Listings.Create("OCOP-1")], Ct))[0].ReviewTicket!;
        await harness.DownloadAndMarkUploadedAsync();
        await harness.Store.SaveExportAsync(new FloorExport(SheetHarness.Channel, harness.Time.GetUtcNow(), "export.xlsx",
            [new FloorExportItem("OCOP-1", "PM-778812", "Mật ong", 125_000, 40, true, false, null)], []), Ct);

        // Act
        var outcome = Assert.Single(await harness.Client.TrackReviewsAsync([ticket], Ct));

        // Assert
        Assert.Equal((ReviewDecision.Approved, "PM-778812"), (outcome.Decision, outcome.RemoteId));
    }

    [Fact]
    public async Task TrackReviewsAsync_RemovalRowUploaded_ApprovedButNotActive()
    {
        // Arrange
        var harness = new SheetHarness();
        var ticket = (await harness.Client.SetStatusAsync([new StatusUpdate("OCOP-3", "OCOP-3", false)], Ct))[0].ReviewTicket!;
        await harness.DownloadAndMarkUploadedAsync();

        // Act
        var outcome = Assert.Single(await harness.Client.TrackReviewsAsync([ticket], Ct));

        // Assert
        Assert.Equal((ReviewDecision.Approved, false), (outcome.Decision, outcome.Active));
    }

    [Fact]
    public async Task TrackReviewsAsync_UnknownSheetOrForeignTicket_IsRejectedInInputOrder()
    {
        // Arrange
        var harness = new SheetHarness();

        // Act
        var outcomes = await harness.Client.TrackReviewsAsync(["999|OCOP-1", "tiki-track-77"], Ct);

        // Assert
        Assert.Equal(["999|OCOP-1", "tiki-track-77"], outcomes.Select(o => o.Ticket));
        Assert.All(outcomes, o => Assert.Equal(ReviewDecision.Rejected, o.Decision));
        Assert.Contains("999", outcomes[0].Reason, StringComparison.Ordinal);
    }
}
