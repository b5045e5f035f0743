using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Marketplaces.Sheets;
using Ocop.MarketSync.Marketplaces.Sheets.Store;
using Ocop.MarketSync.Sync.Listings.Push;
using Ocop.MarketSync.Sync.Listings.Reconciliation;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.Sheets;

/// <summary>
/// The engine (intake, planner, pusher, review tracker, reconciler) on PostgreSQL with one sheet channel configured
/// from <c>config/examples/postmart-sheet-channel.json</c> as it is, composed as the host composes it
/// (<c>AddSheetChannels</c> + <c>AddDatabaseSheetStore</c>). Staff act through <see cref="SheetDesk"/>.
/// </summary>
internal sealed class SheetEngineHarness : IAsyncDisposable
{
    public const string ChannelId = "postmart-hn";

    private SheetEngineHarness(IntakeHarness engine) => Engine = engine;

    public IntakeHarness Engine { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<SheetEngineHarness> CreateAsync(PostgresServer postgres)
    {
        var example = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "Data", "postmart-sheet-channel.json"), optional: false)
            .Build();
        var settings = example.AsEnumerable().Where(p => p.Value is not null && !p.Key.StartsWith('_')).ToDictionary(p => p.Key, p => p.Value);
        var engine = await IntakeHarness.CreateAsync(postgres, settings: settings, channels: 0, configureWith: (services, configuration) =>
            services.AddSheetChannels(configuration).AddDatabaseSheetStore());
        return new SheetEngineHarness(engine);
    }

    /// <summary>Pull the registry, then push the channel until nothing is left to push.</summary>
    public async Task PullAndPushAsync()
    {
        await Engine.PullAsync();
        await Engine.PushUntilSettledAsync(channelIds: ChannelId);
    }

    /// <summary>One push job (plan, push, track reviews), as the recurring job runs it.</summary>
    public Task<PushSummary> PushAsync() => Engine.PushAsync(ChannelId);

    public Task<List<Listing>> ListingsAsync() => Engine.ListingsAsync(ChannelId);

    public Task<T> DeskAsync<T>(Func<SheetDesk, Task<T>> work) => Engine.WithServicesAsync(sp => work(sp.GetRequiredService<SheetDesk>()));

    public Task<IReadOnlyList<SheetSummary>> SheetsAsync() => DeskAsync(d => d.ListSheetsAsync(ChannelId, Ct));

    public Task<Sheet?> SheetAsync(long id) => Engine.WithServicesAsync(sp => sp.GetRequiredService<ISheetStore>().GetSheetAsync(id, Ct));

    /// <summary>The channel's one open sheet, with its rows; none or two fail the test.</summary>
    public async Task<Sheet> OpenSheetAsync() => (await SheetAsync(Assert.Single(await SheetsAsync(), s => s.State == SheetState.Open).Id))!;

    /// <summary>What staff do after uploading the file: mark the sheet uploaded.</summary>
    public Task<bool> MarkUploadedAsync(long sheetId) => DeskAsync(d => d.MarkUploadedAsync(sheetId, Ct));

    /// <summary>What a reconciliation run requested by staff does.</summary>
    public Task<ReconciliationRun> ReconcileAsync() => Engine.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<Ocop.MarketSync.Data.MarketSyncDbContext>();
        var run = new ReconciliationRun { ChannelId = ChannelId, RequestedBy = "test", RequestedAt = DateTime.UtcNow };
        db.ReconciliationRuns.Add(run);
        await db.SaveChangesAsync(Ct);
        return await sp.GetRequiredService<ChannelReconciler>().RunAsync(run.Id, Ct);
    });

    public ValueTask DisposeAsync() => Engine.DisposeAsync();
}
