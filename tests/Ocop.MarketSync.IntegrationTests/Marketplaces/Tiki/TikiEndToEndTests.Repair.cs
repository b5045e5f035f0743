using System.Globalization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Operations;
using Ocop.MarketSync.Marketplaces.Tiki;
using Ocop.MarketSync.Sync.Listings.Reconciliation;
using Ocop.MarketSync.Sync.Marketplaces.Auth;
using Ocop.MarketSync.Sync.Marketplaces.Webhooks;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.Tiki;

/// <summary>What goes wrong after the listings are live: drift made in Seller Center, an expired token, Tiki's event queue.</summary>
public sealed partial class TikiEndToEndTests
{
    [Fact]
    public async Task Reconcile_PriceEditedAndProductDeletedInSellerCenter_IsFoundAndRepaired()
    {
        await using var tiki = await TikiEngineHarness.CreateAsync(postgres);
        await tiki.AuthorizeAsync();
        await tiki.Engine.PullAsync();
        await tiki.ConvergeAsync();
        var deleted = tiki.Item("REG-00005").ProductId;
        tiki.Simulator.EditPrice(tiki.Item("REG-00003").ProductId, 1_000);
        tiki.Simulator.Delete(deleted);
        tiki.Engine.Clock.Advance(TimeSpan.FromMinutes(1));

        var run = await ReconciliationTests.ReconcileAsync(tiki.Engine, TikiEngineHarness.ChannelId);

        Assert.Equal(ReconciliationStatus.Succeeded, run.Status);
        Assert.Equal((Checked: 52, DriftedPrice: 1, Missing: 1, Orphaned: 0), (run.Checked, run.DriftedPrice, run.Missing, run.Orphaned));
        var findings = await tiki.Engine.QueryAsync(db => db.ReconciliationFindings.AsNoTracking().Where(f => f.RunId == run.Id).ToListAsync(Ct));
        Assert.Contains(findings, f => f is { Kind: ReconciliationFindingKind.Drifted, SellerSku: "OCOP-REG-00003", Aspects: ListingAspect.Price });
        Assert.Contains(findings, f => f is { Kind: ReconciliationFindingKind.Missing, SellerSku: "OCOP-REG-00005" });

        // The price goes back at once; the deleted product is requested again and goes through review like any new one.
        await tiki.ConvergeAsync();

        var listings = (await tiki.ListingsAsync()).ToDictionary(l => l.RegistryId);
        Assert.Equal(listings["REG-00003"].Desired.PriceVnd, tiki.Item("REG-00003").Price);
        var recreated = tiki.Item("REG-00005");
        Assert.NotEqual(deleted, recreated.ProductId);
        Assert.Equal((recreated.ProductId.ToString(CultureInfo.InvariantCulture), ListingState.Active, true),
            (listings["REG-00005"].RemoteId, listings["REG-00005"].State, recreated.Active));
        Assert.Equal(Listable, tiki.Simulator.Products.Count);

        tiki.Engine.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await ReconciliationTests.ReconcileAsync(tiki.Engine, TikiEngineHarness.ChannelId);
        Assert.Equal((Listable, Listable, 0, 0), (again.Checked, again.InSync, again.DriftedPrice, again.Missing));
    }

    [Fact]
    public async Task Push_AccessTokenExpiredAtTiki_StoreRefreshesWithTheRotatingTokenAndThePushCarriesOn()
    {
        await using var tiki = await TikiEngineHarness.CreateAsync(postgres);
        var first = await tiki.AuthorizeAsync();
        await tiki.Engine.PullAsync();
        await tiki.ConvergeAsync();
        var issued = tiki.Simulator.TokensIssued;

        tiki.Simulator.ExpireAccessTokens();
        tiki.Engine.Registry.Change("REG-00002", p => p["priceVnd"] = 231000);
        await tiki.Engine.PullAsync();
        var push = await tiki.PushAsync();

        // One push did it: Tiki refused the old token once, the store refreshed once, the update went through.
        Assert.Equal((1, 0, false), (push.Updated, push.Failed, push.StoppedForReauth));
        Assert.Equal(231000L, tiki.Item("REG-00002").Price);
        Assert.Equal(issued + 1, tiki.Simulator.TokensIssued);
        Assert.Equal(1, tiki.Simulator.Refusals.GetValueOrDefault("token"));
        var stored = await tiki.Engine.WithServicesAsync(sp => sp.GetRequiredService<ShopTokenStore>().GetAsync(TikiEngineHarness.ChannelId, Ct).AsTask());
        Assert.NotEqual(first.AccessToken, stored.AccessToken);
        // Rotation: the old refresh token is spent, so only the stored new one can refresh again.
        Assert.NotEqual(first.RefreshToken, stored.RefreshToken);
        Assert.Equal(first.ShopId, stored.ShopId);
        var row = await tiki.Engine.QueryAsync(db => db.ChannelAuthorizations.AsNoTracking().SingleAsync(Ct));
        Assert.Equal(ChannelAuthorizationStatus.Authorized, row.Status);
    }

    [Fact]
    public async Task EventQueue_PriceEditedInSellerCenter_EventBecomesAHintAndThePriceIsReasserted()
    {
        await using var tiki = await TikiEngineHarness.CreateAsync(postgres);
        await tiki.AuthorizeAsync();
        await tiki.Engine.PullAsync();
        await tiki.ConvergeAsync();
        // Turning the approved products on and setting their stock fed the queue too: drain that first.
        await RunEventJobAsync(tiki);
        await RunHintJobsAsync(tiki);
        var desired = (await ListingAsync(tiki, "REG-00003")).Desired.PriceVnd;

        tiki.Simulator.EditPrice(tiki.Item("REG-00003").ProductId, 1_000);
        var pulls = tiki.Calls("POST /integration/v1/queues/{code}/events/pull");
        var summary = await RunEventJobAsync(tiki);
        var hints = await RunHintJobsAsync(tiki);
        await tiki.PushAsync();

        Assert.Contains("1 event(s) in 2 pull(s), 1 hint(s) queued", summary, StringComparison.Ordinal);
        Assert.Equal(pulls + 2, tiki.Calls("POST /integration/v1/queues/{code}/events/pull"));
        Assert.Equal(tiki.Item("REG-00003").ProductId.ToString(CultureInfo.InvariantCulture), Assert.Single(hints));
        Assert.Equal(desired, tiki.Item("REG-00003").Price);

        // Our own repair comes back as an event too: its hint reads the product, finds it in sync and writes nothing.
        Assert.NotNull(await tiki.Engine.QueryAsync(db => db.IntakeCursors.AsNoTracking()
            .Where(c => c.Source == TikiEventQueueJob.Resource(TikiEngineHarness.ChannelId)).Select(c => c.Cursor).SingleAsync(Ct)));
        var writes = tiki.Calls(UpdateSkus);
        var echo = await RunEventJobAsync(tiki);
        Assert.Contains("1 event(s) in 2 pull(s), 1 hint(s) queued", echo, StringComparison.Ordinal);
        Assert.Single(await RunHintJobsAsync(tiki));
        await tiki.PushAsync();
        Assert.Equal(writes, tiki.Calls(UpdateSkus));

        // Every batch was acknowledged and the ack id stored: the next run finds nothing, not the same events again.
        var quiet = await RunEventJobAsync(tiki);
        Assert.Contains("0 event(s) in 1 pull(s), 0 hint(s) queued", quiet, StringComparison.Ordinal);
        Assert.Empty(await RunHintJobsAsync(tiki));
    }

    private static Task<string> RunEventJobAsync(TikiEngineHarness tiki) => tiki.Engine.WithServicesAsync(sp =>
        ActivatorUtilities.CreateInstance<TikiEventQueueJob>(sp).RunAsync(TikiEngineHarness.ChannelId, Ct));

    /// <summary>Runs (and removes) every hint job the event job queued, as a Hangfire worker would; returns their item ids.</summary>
    private static Task<List<string?>> RunHintJobsAsync(TikiEngineHarness tiki) => tiki.Engine.WithServicesAsync(async sp =>
    {
        var storage = sp.GetRequiredService<JobStorage>();
        var queued = storage.GetMonitoringApi().EnqueuedJobs("push_tiki", 0, 1000)
            .Where(j => j.Value.InEnqueuedState && j.Value.Job?.Type == typeof(MarketplaceHintJob)).ToList();
        var items = new List<string?>();
        foreach (var (id, job) in queued)
        {
            var args = job.Job.Args;
            await sp.GetRequiredService<MarketplaceHintJob>().RunAsync((string)args[0], (MarketplaceHintKind)args[1], (string?)args[2], (string?)args[3], Ct);
            sp.GetRequiredService<IBackgroundJobClient>().Delete(id);
            items.Add((string?)args[2]);
        }

        return items;
    });
}
