using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.IntegrationTests.Operations;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.Sendo;

/// <summary>
/// After convergence (<see cref="SendoEndToEndTests"/>): registry changes pushed and a quiet re-push that writes
/// nothing, seller-centre drift found by reconciliation (the <c>product/search</c> cursor) and repaired, and an
/// expired token renewed by one login however many pushers meet it.
/// </summary>
public sealed class SendoEndToEndChangeTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sync_RegistryPriceAndStockChange_ReachSendoAndAQuietPushCallsNothing()
    {
        await using var sendo = await SendoEngineHarness.CreateAsync(postgres);
        await sendo.ConvergeAsync();
        var before = (Price: sendo.Item("REG-00002").Price, Stock: sendo.Item("REG-00003").StockQuantity);
        var writes = sendo.WriteCalls();

        sendo.Engine.Registry.Change("REG-00002", p => p["priceVnd"] = 229_000);
        sendo.Engine.Registry.Change("REG-00003", p => p["stock"] = 17);
        await sendo.Engine.PullAsync();
        await sendo.PushUntilSettledAsync();

        var listings = (await sendo.ListingsAsync()).ToDictionary(l => l.RegistryId);
        Assert.NotEqual((listings["REG-00002"].Desired.PriceVnd, listings["REG-00003"].Desired.Stock), before);
        Assert.Equal(listings["REG-00002"].Desired.PriceVnd, sendo.Item("REG-00002").Price);
        Assert.Equal(listings["REG-00003"].Desired.Stock, sendo.Item("REG-00003").StockQuantity);
        // One whole-product write each (Sendo has no partial price or stock call), nothing else rewritten.
        Assert.InRange(sendo.WriteCalls() - writes, 1, 2);
        var attempt = await PushHistory.LastAsync(sendo.Engine, SendoEngineHarness.ChannelId, "REG-00002", nameof(ListingAspect.Price));
        Assert.Equal("ok", attempt.Result);

        // Nothing changed since: a full re-pull and a push claim nothing and call Sendo not at all.
        writes = sendo.WriteCalls();
        var calls = sendo.Simulator.Calls.Count;
        await sendo.Engine.PullFullAsync();
        var quiet = await sendo.PushAsync();

        Assert.Equal((0, 0), (quiet.Claimed, quiet.Calls));
        Assert.Equal((writes, calls), (sendo.WriteCalls(), sendo.Simulator.Calls.Count));
    }

    [Fact]
    public async Task Reconcile_PriceEditedAndProductDeletedInSellerCentre_IsCountedAndPushRepairsIt()
    {
        await using var sendo = await SendoEngineHarness.CreateAsync(postgres);
        await sendo.ConvergeAsync();
        var deleted = sendo.Item("REG-00005").Id;
        sendo.Simulator.EditPrice(sendo.Item("REG-00003").Id, 9_000);
        sendo.Simulator.Delete(deleted);
        sendo.Engine.Clock.Advance(TimeSpan.FromMinutes(1));
        var searches = sendo.Calls(SendoEngineHarness.Search);

        var run = await ReconciliationTests.ReconcileAsync(sendo.Engine, SendoEngineHarness.ChannelId);

        // The walk pages by cursor, 50 a page: 53 products (the deleted one included, then skipped) are two pages.
        Assert.Equal(ReconciliationStatus.Succeeded, run.Status);
        Assert.Equal(2, sendo.Calls(SendoEngineHarness.Search) - searches);
        Assert.Equal(
            (Checked: 52, DriftedPrice: 1, DriftedStock: 0, DriftedStatus: 0, Missing: 1, Orphaned: 0),
            (run.Checked, run.DriftedPrice, run.DriftedStock, run.DriftedStatus, run.Missing, run.Orphaned));
        var findings = await sendo.Engine.QueryAsync(db => db.ReconciliationFindings.AsNoTracking().Where(f => f.RunId == run.Id).ToListAsync(Ct));
        Assert.Contains(findings, f => f is { Kind: ReconciliationFindingKind.Drifted, SellerSku: "OCOP-REG-00003", Aspects: ListingAspect.Price });
        Assert.Contains(findings, f => f is { Kind: ReconciliationFindingKind.Missing, SellerSku: "OCOP-REG-00005" });

        await sendo.PushUntilSettledAsync();
        sendo.ApproveReviews();

        var listings = (await sendo.ListingsAsync()).ToDictionary(l => l.RegistryId);
        Assert.Equal(listings["REG-00003"].Desired.PriceVnd, sendo.Item("REG-00003").Price);
        var recreated = sendo.Item("REG-00005");
        Assert.NotEqual(deleted, recreated.Id);
        Assert.Equal((recreated.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ListingState.Active, 2),
            (listings["REG-00005"].RemoteId, listings["REG-00005"].State, recreated.Status));
        Assert.Equal(53, sendo.Simulator.Products.Count(p => !p.Deleted));

        sendo.Engine.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await ReconciliationTests.ReconcileAsync(sendo.Engine, SendoEngineHarness.ChannelId);
        var left = await sendo.Engine.QueryAsync(db => db.ReconciliationFindings.AsNoTracking().Where(f => f.RunId == again.Id).ToListAsync(Ct));
        Assert.Empty(left.Select(f => $"{f.SellerSku} {f.Kind} {f.Aspects}: {f.Detail}"));
        Assert.Equal(
            (Checked: 53, InSync: 53, DriftedPrice: 0, DriftedStock: 0, DriftedContent: 0, DriftedStatus: 0, Missing: 0, Banned: 0),
            (again.Checked, again.InSync, again.DriftedPrice, again.DriftedStock, again.DriftedContent, again.DriftedStatus, again.Missing, again.Banned));
    }

    [Fact]
    public async Task Push_TokenExpiredAtSendo_ConcurrentPushersLogInOnceAndCarryOn()
    {
        await using var sendo = await SendoEngineHarness.CreateAsync(postgres);
        await sendo.ConvergeAsync();
        var first = await sendo.Engine.WithServicesAsync(sp => sp.GetRequiredService<ShopTokenStore>().GetAsync(SendoEngineHarness.ChannelId, Ct).AsTask());
        var logins = sendo.Calls(SendoEngineHarness.Login);

        // Sendo's 8 hours pass on its clock only: the store still believes the token, Sendo refuses it (401).
        sendo.SimulatorClock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));
        var changed = new[] { "REG-00001", "REG-00002", "REG-00004", "REG-00005", "REG-00006", "REG-00007", "REG-00009", "REG-00010", "REG-00011", "REG-00012", "REG-00013", "REG-00014" };
        foreach (var id in changed)
        {
            sendo.Engine.Registry.Change(id, p => p["stock"] = 41);
        }

        await sendo.Engine.PullAsync();
        var pushes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => sendo.PushAsync()));
        await sendo.PushUntilSettledAsync();

        // One login for every pusher and lane that met the expired token, never near Sendo's 5 per second.
        Assert.Equal(1, sendo.Calls(SendoEngineHarness.Login) - logins);
        Assert.Equal(0, sendo.Simulator.LoginsRefused);
        Assert.All(pushes, p => Assert.Equal((0, false), (p.Failed, p.StoppedForReauth)));
        Assert.Equal(changed.Length, pushes.Sum(p => p.Claimed));
        var listings = (await sendo.ListingsAsync()).ToDictionary(l => l.RegistryId);
        Assert.All(changed, id => Assert.Equal(listings[id].Desired.Stock, sendo.Item(id).StockQuantity));
        var stored = await sendo.Engine.WithServicesAsync(sp => sp.GetRequiredService<ShopTokenStore>().GetAsync(SendoEngineHarness.ChannelId, Ct).AsTask());
        Assert.NotEqual(first.AccessToken, stored.AccessToken);
        var row = await sendo.Engine.QueryAsync(db => db.ChannelAuthorizations.AsNoTracking().SingleAsync(Ct));
        Assert.Equal(ChannelAuthorizationStatus.Authorized, row.Status);
    }
}
