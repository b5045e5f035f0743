using System.Globalization;
using System.Text;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.IntegrationTests.Operations;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.Shopee;

/// <summary>
/// Issue 5 for Shopee: the 60 sample products through the real engine (PostgreSQL, planner, pusher, reconciler,
/// token store) and the real adapter, against the Shopee simulator over HTTP on 127.0.0.1.
/// </summary>
public sealed class ShopeeEndToEndTests(PostgresServer postgres)
{
    private const string Channel = ShopeeEngineHarness.ChannelId;

    /// <summary>60 sample products less REG-00008 (expired), REG-00021 (no price), REG-00040 and the 4 services.</summary>
    private const int OnSale = 53;

    private static string Id(long itemId) => itemId.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Push_SixtySampleProducts_AreOnShopeeOnceEachAsDesired()
    {
        await using var shopee = await ShopeeEngineHarness.StartAsync(postgres);
        var tokens = await shopee.AuthorizeAsync();
        await shopee.Engine.PullAsync();

        await shopee.PushUntilSettledAsync();

        var listings = await shopee.ListingsAsync();
        Assert.Equal(60, listings.Count);
        Assert.Equal(OnSale, listings.Values.Count(l => l.Desired.Active));
        foreach (var listing in listings.Values.Where(l => l.Desired.Active))
        {
            Assert.Equal(ListingState.Active, listing.State);
            var item = Assert.Single(shopee.LiveItems(listing.SellerSku));
            Assert.Equal(Id(item.ItemId), listing.RemoteId);
            Assert.Equal("NORMAL", item.ItemStatus);
            Assert.Equal(listing.Desired.Title, item.ItemName);
            Assert.True(item.ItemName.IsNormalized(NormalizationForm.FormC), $"{listing.SellerSku}: title not NFC");
            Assert.Equal((listing.Desired.PriceVnd, listing.Desired.Stock), (item.OriginalPrice, item.SellerStock));
            Assert.Equal(listing.Desired.CategoryId, Id(item.CategoryId));
            Assert.NotEmpty(item.ImageIds);
        }

        // Shopee holds nothing else: one item per SKU on sale, each created once (no lost-answer duplicates).
        Assert.Equal(OnSale, shopee.Simulator.Items.Count);
        Assert.Equal(OnSale, shopee.Simulator.ItemsCreated);
        // The sample's one NFD name (REG-00026) arrives composed, and in Vietnamese.
        Assert.StartsWith("Trà", shopee.LiveItems("OCOP-REG-00026").Single().ItemName, StringComparison.Ordinal);

        AssertNotListed(shopee, listings["REG-00008"], "certificate.expired");
        AssertNotListed(shopee, listings["REG-00021"], "price.missing");
        foreach (var service in new[] { "REG-00057", "REG-00058", "REG-00059", "REG-00060" })
        {
            AssertNotListed(shopee, listings[service], "channel.noServices");
        }

        Assert.Empty(shopee.LiveItems("OCOP-REG-00040"));
        var authorization = await shopee.AuthorizationAsync();
        Assert.Equal(ChannelAuthorizationStatus.Authorized, authorization.Status);
        Assert.DoesNotContain(tokens.AccessToken, authorization.ProtectedTokens, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_RegistryPriceAndStockChanged_ReachShopeeAndAPushWithNothingChangedCallsNothing()
    {
        await using var shopee = await ShopeeEngineHarness.StartAsync(postgres);
        await shopee.AuthorizeAsync();
        await shopee.Engine.PullAsync();
        await shopee.PushUntilSettledAsync();
        var writesBefore = shopee.Calls.Writes;

        shopee.Engine.Registry.Change("REG-00002", p => p["priceVnd"] = 229000);
        shopee.Engine.Registry.Change("REG-00003", p => p["stock"] = 17);
        await shopee.Engine.PullAsync();
        await shopee.PushUntilSettledAsync();

        Assert.Equal(229000, Assert.Single(shopee.LiveItems("OCOP-REG-00002")).OriginalPrice);
        Assert.Equal(17, Assert.Single(shopee.LiveItems("OCOP-REG-00003")).SellerStock);
        // One update_price and one update_stock: the other 51 items were not touched.
        Assert.Equal((1, 1), (shopee.Calls.To("/api/v2/product/update_price"), shopee.Calls.To("/api/v2/product/update_stock")));
        Assert.Equal(writesBefore + 2, shopee.Calls.Writes);
        await PushHistory.AssertPricePushHasRequestIdAsync(shopee.Engine, Channel, "REG-00002");

        var callsBefore = shopee.Calls.Count;
        await shopee.Engine.PullFullAsync();
        var again = await shopee.Engine.PushAsync(Channel);

        Assert.Equal((0, 0), (again.Claimed, again.Calls));
        Assert.Equal(callsBefore, shopee.Calls.Count);
    }

    [Fact]
    public async Task Reconcile_PriceEditedAndItemDeletedInSellerCentre_IsCountedAndAPushRepairsIt()
    {
        await using var shopee = await ShopeeEngineHarness.StartAsync(postgres);
        await shopee.AuthorizeAsync();
        await shopee.Engine.PullAsync();
        await shopee.PushUntilSettledAsync();
        var edited = Assert.Single(shopee.LiveItems("OCOP-REG-00002")).ItemId;
        var deleted = Assert.Single(shopee.LiveItems("OCOP-REG-00005")).ItemId;
        shopee.Simulator.EditPrice(edited, 1_000);
        shopee.Simulator.Delete(deleted);
        // The reconciler skips listings touched after the run began: start it after the last push.
        shopee.Engine.Clock.Advance(TimeSpan.FromMinutes(1));

        var run = await ReconciliationTests.ReconcileAsync(shopee.Engine, Channel);

        Assert.Equal(ReconciliationStatus.Succeeded, run.Status);
        Assert.Equal(
            (Checked: OnSale - 1, DriftedPrice: 1, DriftedStock: 0, DriftedContent: 0, DriftedStatus: 0, Missing: 1, Banned: 0, Orphaned: 0),
            (run.Checked, run.DriftedPrice, run.DriftedStock, run.DriftedContent, run.DriftedStatus, run.Missing, run.Banned, run.Orphaned));
        Assert.Equal(OnSale - 2, run.InSync);

        var createsBefore = shopee.Simulator.ItemsCreated;
        await shopee.PushUntilSettledAsync();

        var listings = await shopee.ListingsAsync();
        Assert.Equal(listings["REG-00002"].Desired.PriceVnd, Assert.Single(shopee.LiveItems("OCOP-REG-00002")).OriginalPrice);
        var recreated = Assert.Single(shopee.LiveItems("OCOP-REG-00005"));
        Assert.NotEqual(deleted, recreated.ItemId);
        Assert.Equal(Id(recreated.ItemId), listings["REG-00005"].RemoteId);
        Assert.Equal(ListingState.Active, listings["REG-00005"].State);
        Assert.Equal((listings["REG-00005"].Desired.PriceVnd, listings["REG-00005"].Desired.Stock), (recreated.OriginalPrice, recreated.SellerStock));
        Assert.Equal(createsBefore + 1, shopee.Simulator.ItemsCreated);

        shopee.Engine.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await ReconciliationTests.ReconcileAsync(shopee.Engine, Channel);
        Assert.Equal((OnSale, OnSale, 0), (again.Checked, again.InSync, again.Missing));
    }

    [Fact]
    public async Task Push_AccessTokenExpired_EngineRefreshesThroughTheTokenStoreAndCarriesOn()
    {
        await using var shopee = await ShopeeEngineHarness.StartAsync(postgres);
        var first = await shopee.AuthorizeAsync();
        await shopee.Engine.PullAsync();
        await shopee.PushUntilSettledAsync();
        Assert.Equal((0, 0), (shopee.Calls.To("/api/v2/auth/access_token/get"), shopee.Calls.RefusedShopCalls));

        // Shopee drops the token early: the first shop call is refused, the adapter asks the store, which refreshes.
        shopee.Simulator.ExpireAccessToken(first.AccessToken);
        shopee.Engine.Registry.Change("REG-00002", p => p["stock"] = 11);
        await shopee.Engine.PullAsync();
        await shopee.PushUntilSettledAsync();

        Assert.Equal(11, Assert.Single(shopee.LiveItems("OCOP-REG-00002")).SellerStock);
        Assert.Equal((1, 1), (shopee.Calls.To("/api/v2/auth/access_token/get"), shopee.Calls.RefusedShopCalls));
        var second = await shopee.StoredTokensAsync();
        Assert.NotEqual((first.AccessToken, first.RefreshToken), (second.AccessToken, second.RefreshToken));

        // Four hours on, the token has run out on both sides: the store refreshes ahead, before any call is refused.
        shopee.Clock.Advance(TimeSpan.FromHours(4));
        shopee.Engine.Registry.Change("REG-00003", p => p["priceVnd"] = 495000);
        await shopee.Engine.PullAsync();
        await shopee.PushUntilSettledAsync();

        Assert.Equal(495000, Assert.Single(shopee.LiveItems("OCOP-REG-00003")).OriginalPrice);
        Assert.Equal((2, 1), (shopee.Calls.To("/api/v2/auth/access_token/get"), shopee.Calls.RefusedShopCalls));
        var third = await shopee.StoredTokensAsync();
        Assert.NotEqual(second.RefreshToken, third.RefreshToken);
        Assert.Equal(ChannelAuthorizationStatus.Authorized, (await shopee.AuthorizationAsync()).Status);
    }

    private static void AssertNotListed(ShopeeEngineHarness shopee, Listing listing, string reason)
    {
        Assert.False(listing.Desired.Active, $"{listing.SellerSku} should not be on sale");
        Assert.Contains(listing.Desired.Reasons, r => r.Code == reason);
        Assert.DoesNotContain(shopee.LiveItems(listing.SellerSku), i => i.ItemStatus == "NORMAL");
    }
}
