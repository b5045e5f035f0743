using System.Text;
using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.IntegrationTests.Operations;
using Ocop.MarketSync.Sandbox.Lazada;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.Lazada;

/// <summary>
/// Issue 5: the 60 sample products through the real Lazada adapter and the real engine, against the Lazada simulator
/// over HTTP on 127.0.0.1, on PostgreSQL, the channel authorised the way <c>channel authorize</c> does it.
/// </summary>
public sealed class LazadaEndToEndTests(PostgresServer postgres)
{
    /// <summary>Sample listings that should be on Lazada: all but the expired, unpriced, service and other refused ones.</summary>
    private const int ExpectedActive = 53;

    [Fact]
    public async Task SampleProducts_ListedOncePerSku_ChangesReachLazada_QuietPushWritesNothing()
    {
        await using var e2e = await LazadaEndToEnd.StartAsync(postgres);
        var tokens = await e2e.AuthorizeAsync();
        Assert.Equal(tokens, await e2e.StoredTokensAsync());

        await e2e.Harness.PullAsync();
        await e2e.PushUntilSettledAsync();

        var listings = await e2e.ListingsAsync();
        Assert.Equal(60, listings.Count);
        var active = listings.Where(l => l.Desired.Active).ToList();
        Assert.Equal(ExpectedActive, active.Count);
        // The sample's hard cases are among them, so the NFC and 255-byte checks below are not vacuous:
        // REG-00026's name is NFD in the registry, REG-00001's is 330 UTF-8 bytes.
        Assert.Contains(active, l => l.RegistryId == "REG-00026");
        Assert.Contains(active, l => l.RegistryId == "REG-00001");
        foreach (var listing in active)
        {
            AssertListedAsDesired(e2e.Simulator, listing);
        }

        // Exactly one item per listed SKU and nothing else in the shop: no duplicate from a retried or repeated create.
        Assert.Equal(active.Count, e2e.Simulator.Items.Count);
        Assert.Equal(e2e.Simulator.Items.Count, e2e.Simulator.Items.Select(i => i.SellerSku).Distinct(StringComparer.Ordinal).Count());

        var rice = Assert.IsType<LazadaSimulatorItem>(e2e.Simulator.FindBySku(Sku(listings, "REG-00002")));
        Assert.StartsWith("Gạo ST25 hữu cơ túi 5kg", rice.Name, StringComparison.Ordinal);

        var byId = listings.ToDictionary(l => l.RegistryId, StringComparer.Ordinal);
        Assert.Contains(byId["REG-00008"].Desired.Reasons, r => r.Code == "certificate.expired");
        Assert.Contains(byId["REG-00021"].Desired.Reasons, r => r.Code == "price.missing");
        Assert.Contains(byId["REG-00057"].Desired.Reasons, r => r.Code == "channel.noServices");
        foreach (var listing in listings.Where(l => !l.Desired.Active))
        {
            Assert.NotEqual(ListingState.Active, listing.State);
            var item = e2e.Simulator.FindBySku(listing.SellerSku);
            Assert.True(item is null || item.Status != "active", $"{listing.RegistryId} must not be active on Lazada");
        }

        // A registry change reaches Lazada through pull and push.
        var writesBeforeChange = e2e.WriteCalls();
        e2e.Harness.Registry.Change("REG-00002", p =>
        {
            p["priceVnd"] = 229000;
            p["stock"] = 17;
        });
        await e2e.Harness.PullAsync();
        await e2e.PushUntilSettledAsync();

        var changed = Assert.IsType<LazadaSimulatorItem>(e2e.Simulator.FindBySku(Sku(listings, "REG-00002")));
        Assert.Equal((229000L, 17), (changed.Price, changed.Quantity));
        Assert.Equal(rice.ItemId, changed.ItemId);
        Assert.True(e2e.WriteCalls() > writesBeforeChange, "the change must have been written through the API");
        await PushHistory.AssertPricePushHasRequestIdAsync(e2e.Harness, LazadaEndToEnd.ChannelId, "REG-00002");

        // Nothing changed: a full re-pull and a push claim nothing and write nothing to Lazada.
        var writes = e2e.WriteCalls();
        await e2e.Harness.PullFullAsync();
        var summary = await e2e.Harness.PushAsync(LazadaEndToEnd.ChannelId);

        Assert.Equal((0, 0), (summary.Claimed, summary.Calls));
        Assert.Equal(writes, e2e.WriteCalls());
    }

    [Fact]
    public async Task DriftInSellerCentre_ReconciliationCountsIt_PushRepairsIt_WithoutDuplicates()
    {
        await using var e2e = await LazadaEndToEnd.StartAsync(postgres);
        await e2e.AuthorizeAsync();
        await e2e.Harness.PullAsync();
        await e2e.PushUntilSettledAsync();
        var listings = await e2e.ListingsAsync();
        var edited = Assert.IsType<LazadaSimulatorItem>(e2e.Simulator.FindBySku(Sku(listings, "REG-00002")));
        var deleted = Assert.IsType<LazadaSimulatorItem>(e2e.Simulator.FindBySku(Sku(listings, "REG-00005")));
        e2e.Simulator.EditPrice(edited.ItemId, 1_000);
        Assert.True(e2e.Simulator.Delete(deleted.ItemId));
        e2e.Harness.Clock.Advance(TimeSpan.FromMinutes(1));

        var run = await ReconciliationTests.ReconcileAsync(e2e.Harness, LazadaEndToEnd.ChannelId);

        Assert.Equal(ReconciliationStatus.Succeeded, run.Status);
        // Checked counts the items read back from Lazada: ours less the deleted one.
        Assert.Equal(
            (Checked: ExpectedActive - 1, DriftedPrice: 1, DriftedStock: 0, DriftedContent: 0, DriftedStatus: 0, Missing: 1, Banned: 0, Orphaned: 0),
            (run.Checked, run.DriftedPrice, run.DriftedStock, run.DriftedContent, run.DriftedStatus, run.Missing, run.Banned, run.Orphaned));
        Assert.Equal(ExpectedActive - 2, run.InSync);

        await e2e.PushUntilSettledAsync();

        var repaired = (await e2e.ListingsAsync()).ToDictionary(l => l.RegistryId, StringComparer.Ordinal);
        AssertListedAsDesired(e2e.Simulator, repaired["REG-00002"]);
        AssertListedAsDesired(e2e.Simulator, repaired["REG-00005"]);
        var recreated = Assert.IsType<LazadaSimulatorItem>(e2e.Simulator.FindBySku(repaired["REG-00005"].SellerSku));
        Assert.NotEqual(deleted.ItemId, recreated.ItemId);
        Assert.Equal(ExpectedActive, e2e.Simulator.Items.Count);
        Assert.Equal(e2e.Simulator.Items.Count, e2e.Simulator.Items.Select(i => i.SellerSku).Distinct(StringComparer.Ordinal).Count());

        e2e.Harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await ReconciliationTests.ReconcileAsync(e2e.Harness, LazadaEndToEnd.ChannelId);
        Assert.Equal((0, 0, 0, ExpectedActive), (again.DriftedPrice, again.Missing, again.Orphaned, again.InSync));
    }

    [Fact]
    public async Task AccessTokenExpiredAtLazada_EngineRefreshesThroughTheStore_AndCarriesOn()
    {
        await using var e2e = await LazadaEndToEnd.StartAsync(postgres);
        var first = await e2e.AuthorizeAsync();
        await e2e.Harness.PullAsync();
        await e2e.PushUntilSettledAsync();
        Assert.Equal(0, e2e.Simulator.Calls("/auth/token/refresh"));

        // A week later at Lazada: the access token (7 days) is dead there while the engine's copy still looks valid.
        e2e.SimulatorTime.Advance(e2e.Simulator.Options.AccessTokenLifetime + TimeSpan.FromMinutes(1));
        e2e.Harness.Registry.Change("REG-00003", p => p["priceVnd"] = 495000);
        await e2e.Harness.PullAsync();
        await e2e.PushUntilSettledAsync();

        Assert.Equal(1, e2e.Simulator.Calls("/auth/token/refresh"));
        var listing = (await e2e.ListingsAsync()).Single(l => l.RegistryId == "REG-00003");
        Assert.Equal(ListingState.Active, listing.State);
        Assert.Null(listing.LastError);
        var item = Assert.IsType<LazadaSimulatorItem>(e2e.Simulator.FindBySku(listing.SellerSku));
        Assert.Equal(495000L, item.Price);

        // The rotated pair was saved by the store: the old refresh token is spent at Lazada, so losing it would strand the shop.
        var stored = await e2e.StoredTokensAsync();
        Assert.NotEqual(first.AccessToken, stored.AccessToken);
        Assert.NotEqual(first.RefreshToken, stored.RefreshToken);
        Assert.Equal(ChannelAuthorizationStatus.Authorized, await e2e.Harness.QueryAsync(db => db.ChannelAuthorizations
            .Where(a => a.ChannelId == LazadaEndToEnd.ChannelId).Select(a => a.Status).SingleAsync(TestContext.Current.CancellationToken)));
    }

    private static string Sku(List<Listing> listings, string registryId) => listings.Single(l => l.RegistryId == registryId).SellerSku;

    private static void AssertListedAsDesired(LazadaSimulator simulator, Listing listing)
    {
        Assert.Equal(ListingState.Active, listing.State);
        var item = simulator.FindBySku(listing.SellerSku);
        Assert.True(item is not null, $"{listing.RegistryId} ({listing.SellerSku}) is not on Lazada");
        Assert.Equal($"{item.ItemId}:{item.SkuId}", listing.RemoteId);
        Assert.Equal(1, simulator.Items.Count(i => i.SellerSku == listing.SellerSku));
        Assert.Equal(
            (listing.Desired.Title, listing.Desired.PriceVnd, listing.Desired.Stock, "active"),
            (item.Name, item.Price, item.Quantity, item.Status));
        Assert.True(item.Name.IsNormalized(NormalizationForm.FormC), $"{listing.RegistryId}: title not NFC");
        Assert.InRange(Encoding.UTF8.GetByteCount(item.Name), 1, 255);
        // The create carried origin and, for food, shelf life: the engine's keys went through the channel's AttributeMap.
        Assert.Equal(listing.Desired.Attributes["origin.province"], item.Attributes.GetValueOrDefault("country_origin_vn"));
        Assert.Equal(listing.Desired.Attributes.GetValueOrDefault("shelfLifeDays"), item.Attributes.GetValueOrDefault("shelf_life"));
        if (LazadaEndToEnd.FoodSets.Select(LazadaEndToEnd.Category).Contains(item.PrimaryCategory))
        {
            Assert.True(item.Attributes.ContainsKey("shelf_life"), $"{listing.RegistryId} is food and went to Lazada without shelf_life");
        }
    }
}
