using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.IntegrationTests.Operations;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.TikTokShop;

/// <summary>
/// Issue 5 for TikTok Shop: the 60 sample products through the real engine and the real adapter into the TikTok
/// simulator over HTTP, on PostgreSQL, with the channel authorised the way <c>channel authorize</c> does it.
/// </summary>
public sealed class TikTokShopEndToEndTests(PostgresServer postgres)
{
    /// <summary>Expired certificate, no price, revoked certificate, and the four services (set 26, not sold on TikTok).</summary>
    private static readonly string[] NotListed = ["REG-00008", "REG-00021", "REG-00040", "REG-00057", "REG-00058", "REG-00059", "REG-00060"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sync_SampleProducts_EachListableOneIsActiveOnceWithItsDesiredValues()
    {
        await using var tts = await TikTokShopEngineHarness.CreateAsync(postgres);
        var tokens = await tts.AuthorizeAsync();
        await tts.Engine.PullAsync();

        await tts.PushUntilSettledAsync();

        // The authorisation went through the store (not a fake source): its row is there, encrypted.
        var row = await tts.Engine.QueryAsync(db => db.ChannelAuthorizations.AsNoTracking().SingleAsync(Ct));
        Assert.Equal((TikTokShopEngineHarness.ChannelId, "tiktokshop", ChannelAuthorizationStatus.Authorized), (row.ChannelId, row.Marketplace, row.Status));
        Assert.DoesNotContain(tokens.AccessToken, row.ProtectedTokens, StringComparison.Ordinal);

        var listings = await tts.ListingsAsync();
        Assert.Equal(60, listings.Count);
        var listable = listings.Where(l => l.Desired.Active).ToList();
        Assert.Equal(NotListed, listings.Where(l => !l.Desired.Active).Select(l => l.RegistryId).Order(StringComparer.Ordinal));
        Assert.Equal(53, listable.Count);
        foreach (var listing in listable)
        {
            Assert.Equal(ListingState.Active, listing.State);
            var item = tts.Item(listing.RegistryId);
            Assert.Equal(item.Id, listing.RemoteId);
            Assert.Equal((listing.Desired.Title, listing.Desired.PriceVnd, listing.Desired.Stock, "ACTIVATE"), (item.Title, item.PriceVnd, item.Stock, item.Status));
            Assert.True(item.Title.IsNormalized(NormalizationForm.FormC), $"{listing.SellerSku}: title is not NFC");
            Assert.Equal(listing.Desired.CategoryId, item.CategoryId);
        }

        // Vietnamese survives the wire: the first sample's title reaches TikTok with its diacritics (cut to 255 characters).
        Assert.StartsWith("Nước mắm cốt cá cơm than", tts.Item("REG-00001").Title, StringComparison.Ordinal);
        Assert.Contains(listings.Single(l => l.RegistryId == "REG-00008").Desired.Reasons, r => r.Code == "certificate.expired");
        Assert.Contains(listings.Single(l => l.RegistryId == "REG-00021").Desired.Reasons, r => r.Code == "price.missing");
        Assert.Contains(listings.Single(l => l.RegistryId == "REG-00057").Desired.Reasons, r => r.Code == "channel.noServices");
        foreach (var id in NotListed)
        {
            Assert.DoesNotContain(tts.Simulator.FindBySku("OCOP-" + id), p => p.Status == "ACTIVATE");
        }

        // Exactly one live product per listable SKU, and nothing else in the shop.
        Assert.Equal(53, tts.Simulator.Products.Count(p => p.Status != "DELETED"));
    }

    [Fact]
    public async Task Sync_RegistryPriceAndStockChange_ReachTikTokAndAQuietPushWritesNothing()
    {
        await using var tts = await TikTokShopEngineHarness.CreateAsync(postgres);
        await tts.AuthorizeAsync();
        await tts.Engine.PullAsync();
        await tts.PushUntilSettledAsync();
        var before = (Price: tts.Item("REG-00002").PriceVnd, Stock: tts.Item("REG-00003").Stock);

        tts.Engine.Registry.Change("REG-00002", p => p["priceVnd"] = 229000);
        tts.Engine.Registry.Change("REG-00003", p => p["stock"] = 17);
        await tts.Engine.PullAsync();
        await tts.PushUntilSettledAsync();

        Assert.NotEqual((229000L, 17), before);
        Assert.Equal((229000L, 17), (tts.Item("REG-00002").PriceVnd, tts.Item("REG-00003").Stock));
        Assert.Equal(1, tts.Simulator.Calls("POST /product/202309/products/{product_id}/prices/update"));
        Assert.Equal(1, tts.Simulator.Calls("POST /product/202309/products/{product_id}/inventory/update"));
        await PushHistory.AssertPricePushHasRequestIdAsync(tts.Engine, TikTokShopEngineHarness.ChannelId, "REG-00002");

        // Nothing changed since: a full re-pull and a push claim nothing and write nothing to TikTok.
        var writes = tts.WriteCalls();
        await tts.Engine.PullFullAsync();
        var quiet = await tts.PushAsync();

        Assert.True(writes > 53, $"only {writes} writes counted: the counter does not see the creates");
        Assert.Equal((0, 0), (quiet.Claimed, quiet.Calls));
        Assert.Equal(writes, tts.WriteCalls());
    }

    [Fact]
    public async Task Reconcile_PriceEditedAndItemDeletedInSellerCenter_IsCountedAndOnePushRepairsIt()
    {
        await using var tts = await TikTokShopEngineHarness.CreateAsync(postgres);
        await tts.AuthorizeAsync();
        await tts.Engine.PullAsync();
        await tts.PushUntilSettledAsync();
        var deleted = tts.Item("REG-00005").Id;
        tts.Simulator.EditPrice(tts.Item("REG-00003").Id, 1_000);
        tts.Simulator.Delete(deleted);
        tts.Engine.Clock.Advance(TimeSpan.FromMinutes(1));

        var run = await ReconciliationTests.ReconcileAsync(tts.Engine, TikTokShopEngineHarness.ChannelId);

        // Checked counts the remote items the walk saw: the deleted one is not among them (search skips DELETED).
        Assert.Equal(ReconciliationStatus.Succeeded, run.Status);
        Assert.Equal(
            (Checked: 52, DriftedPrice: 1, DriftedStock: 0, DriftedContent: 0, DriftedStatus: 0, Missing: 1, Banned: 0, Orphaned: 0),
            (run.Checked, run.DriftedPrice, run.DriftedStock, run.DriftedContent, run.DriftedStatus, run.Missing, run.Banned, run.Orphaned));
        var findings = await tts.Engine.QueryAsync(db => db.ReconciliationFindings.AsNoTracking().Where(f => f.RunId == run.Id).ToListAsync(Ct));
        Assert.Contains(findings, f => f is { Kind: ReconciliationFindingKind.Drifted, SellerSku: "OCOP-REG-00003", Aspects: ListingAspect.Price });
        Assert.Contains(findings, f => f is { Kind: ReconciliationFindingKind.Missing, SellerSku: "OCOP-REG-00005" });

        await tts.PushUntilSettledAsync();

        var listings = (await tts.ListingsAsync()).ToDictionary(l => l.RegistryId);
        Assert.Equal(listings["REG-00003"].Desired.PriceVnd, tts.Item("REG-00003").PriceVnd);
        var recreated = tts.Item("REG-00005");
        Assert.NotEqual(deleted, recreated.Id);
        Assert.Equal((recreated.Id, ListingState.Active, "ACTIVATE"), (listings["REG-00005"].RemoteId, listings["REG-00005"].State, recreated.Status));
        Assert.Equal(53, tts.Simulator.Products.Count(p => p.Status != "DELETED"));

        tts.Engine.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await ReconciliationTests.ReconcileAsync(tts.Engine, TikTokShopEngineHarness.ChannelId);
        Assert.Equal((53, 53, 0, 0), (again.Checked, again.InSync, again.DriftedPrice, again.Missing));
    }

    [Fact]
    public async Task Push_AccessTokenExpiredAtTikTok_EngineRefreshesThroughTheStoreAndCarriesOn()
    {
        await using var tts = await TikTokShopEngineHarness.CreateAsync(postgres);
        var first = await tts.AuthorizeAsync();
        await tts.Engine.PullAsync();
        await tts.PushUntilSettledAsync();

        tts.Simulator.ExpireAccessTokens();
        tts.Engine.Registry.Change("REG-00002", p => p["priceVnd"] = 231000);
        await tts.Engine.PullAsync();
        var push = await tts.PushAsync();

        // One push did it: TikTok refused the old token once, the store refreshed once, the update went through.
        Assert.Equal((1, 0, false), (push.Updated, push.Failed, push.StoppedForReauth));
        Assert.Equal(231000L, tts.Item("REG-00002").PriceVnd);
        Assert.Equal(1, tts.Simulator.Refreshes);
        // Exactly one request met the expired token (the initial push may also have met TikTok's rate limit: not counted here).
        Assert.Equal(1, tts.Simulator.Refusals.GetValueOrDefault("token-expired"));
        var stored = await tts.Engine.WithServicesAsync(sp => sp.GetRequiredService<ShopTokenStore>().GetAsync(TikTokShopEngineHarness.ChannelId, Ct).AsTask());
        Assert.NotEqual(first.AccessToken, stored.AccessToken);
        Assert.NotEqual(first.RefreshToken, stored.RefreshToken);
        Assert.Equal(first.Extra!["shop_cipher"], stored.Extra!["shop_cipher"]);
        var row = await tts.Engine.QueryAsync(db => db.ChannelAuthorizations.AsNoTracking().SingleAsync(Ct));
        Assert.Equal(ChannelAuthorizationStatus.Authorized, row.Status);
    }
}
