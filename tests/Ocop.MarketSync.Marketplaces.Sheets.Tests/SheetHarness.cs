using Microsoft.Extensions.Time.Testing;
using Ocop.MarketSync.Marketplaces.Sheets.Options;
using Ocop.MarketSync.Marketplaces.Sheets.Store;

namespace Ocop.MarketSync.Marketplaces.Sheets.Tests;

/// <summary>One sheet channel on an in-memory store with a fake clock: push through the client, act as staff.</summary>
internal sealed class SheetHarness
{
    public const string Channel = "postmart-hn";

    public SheetHarness(SheetChannelOptions? options = null)
    {
        Options = options ?? Templates.Postmart();
        Client = new SheetMarketplaceClient(Channel, Store, Options, Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 6, 2, 0, 0, TimeSpan.Zero));

    public InMemorySheetStore Store { get; } = new();

    public SheetChannelOptions Options { get; }

    public SheetMarketplaceClient Client { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Staff download the open sheet, upload it to the floor and mark it, an hour later each.</summary>
    public async Task<long> DownloadAndMarkUploadedAsync()
    {
        Time.Advance(TimeSpan.FromHours(1));
        var issued = await Store.IssueOpenSheetAsync(Channel, Time.GetUtcNow(), Ct) ?? throw new InvalidOperationException("no open sheet");
        Time.Advance(TimeSpan.FromHours(1));
        Assert.True(await Store.MarkUploadedAsync(issued.Id, Time.GetUtcNow(), Ct));
        return issued.Id;
    }

    public async Task<Sheet> OpenSheetAsync()
    {
        var open = (await Store.ListSheetsAsync(Channel, Ct)).Single(s => s.State == SheetState.Open);
        return (await Store.GetSheetAsync(open.Id, Ct))!;
    }
}
