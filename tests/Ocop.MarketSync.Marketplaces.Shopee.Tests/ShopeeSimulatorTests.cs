using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Shopee.Tests;

/// <summary>The adapter against the Shopee simulator over real HTTP: every operation, and the simulator's state after it.</summary>
public sealed class ShopeeSimulatorTests
{
    private static readonly string[] Titles =
    [
        "Mật ong hoa cà phê Đắk Lắk – OCOP 4★",
        "Trà shan tuyết cổ thụ Hà Giang – OCOP 5★",
        "Nước mắm Phú Quốc 40 độ đạm – OCOP 4★",
        "Bánh tráng phơi sương Trảng Bàng – OCOP 3★",
        "Cà phê Robusta Buôn Ma Thuột rang xay – OCOP 4★",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAsync_FiveVietnameseListings_CreatesThemAndFindBySkuReadsThemBack()
    {
        await using var host = await ShopeeSimulatorHost.StartAsync();
        var listings = Titles.Select((title, i) => Listings.Create($"OCOP-{i}", host.BaseUrl, title, price: 100_000 + (i * 1000), stock: i)).ToList();

        var results = await host.Channel.Client.CreateAsync(listings, Ct);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        Assert.Equal(listings.Select(l => l.Content.SellerSku), results.Select(r => r.SellerSku));
        var found = await host.Channel.Client.FindBySellerSkuAsync([.. listings.Select(l => l.Content.SellerSku), "ABSENT"], Ct);
        Assert.Equal(Titles.Order(StringComparer.Ordinal), found.Select(f => f.Title).Order(StringComparer.Ordinal));
        var honey = Assert.Single(found, f => f.SellerSku == "OCOP-0");
        Assert.Equal((results[0].RemoteId, 100_000L, 0, true, false), (honey.RemoteId, honey.PriceVnd, honey.Stock, honey.Active, honey.Banned));
        var stored = host.Simulator.Items.Single(i => i.ItemSku == "OCOP-2");
        Assert.Equal("Đắk Lắk", stored.Attributes[100037]);
        Assert.Equal(0.6m, stored.Weight);
        Assert.Single(stored.ImageIds);
    }

    [Fact]
    public async Task Updates_PriceStockStatusAndContent_AreAppliedOnShopee()
    {
        await using var host = await ShopeeSimulatorHost.StartAsync();
        var client = host.Channel.Client;
        var id = (await client.CreateAsync([Listings.Create("OCOP-U", host.BaseUrl)], Ct))[0].RemoteId!;

        var price = await client.UpdatePriceAsync([new PriceUpdate(id, "OCOP-U", 210_000)], Ct);
        var stock = await client.UpdateStockAsync([new StockUpdate(id, "OCOP-U", 40)], Ct);
        var status = await client.SetStatusAsync([new StatusUpdate(id, "OCOP-U", Active: false)], Ct);
        var content = await client.UpdateContentAsync(
            [new ContentUpdate(id, Listings.Content("OCOP-U", host.BaseUrl, "Mật ong bạc hà Hà Giang – OCOP 5★"))], Ct);

        Assert.All(price.Concat(stock).Concat(status).Concat(content), r => Assert.True(r.Succeeded, r.Error?.Message));
        var item = Assert.Single(await client.FindBySellerSkuAsync(["OCOP-U"], Ct));
        Assert.Equal(("Mật ong bạc hà Hà Giang – OCOP 5★", 210_000L, 40, false), (item.Title, item.PriceVnd, item.Stock, item.Active));
        var relist = Assert.Single(await client.SetStatusAsync([new StatusUpdate(id, "OCOP-U", Active: true)], Ct));
        Assert.True(relist.Succeeded);
        Assert.Equal("NORMAL", host.Simulator.Items.Single().ItemStatus);
    }

    [Fact]
    public async Task PageItemsAsync_MoreItemsThanTheOffsetCapAndAnOldWindow_YieldsEachItemOfThePrefixOnce()
    {
        await using var host = await ShopeeSimulatorHost.StartAsync(new() { MaxListOffset = 50 });
        var ids = Enumerable.Range(0, 120).Select(i => host.Simulator.InsertOrphan(ShopeeTestChannel.ShopId, $"BULK-{i:D3}")).ToList();
        host.Simulator.InsertOrphan(ShopeeTestChannel.ShopId, "OTHER-1");
        // Edited over the last two hours, one every minute; the first one three weeks ago (an older window).
        for (var i = 0; i < ids.Count; i++)
        {
            host.Simulator.SetUpdateTime(ids[i], DateTimeOffset.UtcNow.AddMinutes(-i));
        }

        host.Simulator.SetUpdateTime(ids[0], DateTimeOffset.UtcNow.AddDays(-20));
        host.Simulator.Delete(ids[1]);

        var items = await host.Channel.Client.PageItemsAsync("BULK-", Ct).ToListAsync(Ct);

        Assert.Equal(119, items.Count);
        Assert.Equal(119, items.Select(i => i.RemoteId).Distinct().Count());
        Assert.Contains(items, i => i.RemoteId == ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(items, i => i.SellerSku == "BULK-001" || i.SellerSku == "OTHER-1");
    }

    [Fact]
    public async Task Drift_EditsBanAndOrphan_AreWhatReconciliationSees()
    {
        await using var host = await ShopeeSimulatorHost.StartAsync();
        var client = host.Channel.Client;
        var id = (await client.CreateAsync([Listings.Create("OCOP-D", host.BaseUrl)], Ct))[0].RemoteId!;
        var itemId = long.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
        host.Simulator.EditPrice(itemId, 99_000);
        host.Simulator.EditStock(itemId, 7);
        host.Simulator.Ban(itemId);
        host.Simulator.InsertOrphan(ShopeeTestChannel.ShopId, "OCOP-D");

        var found = await client.FindBySellerSkuAsync(["OCOP-D"], Ct);
        var priced = Assert.Single(await client.UpdatePriceAsync([new PriceUpdate(id, "OCOP-D", 185_000)], Ct));

        Assert.Equal(2, found.Count);
        var banned = Assert.Single(found, f => f.RemoteId == id);
        Assert.Equal((99_000L, 7, true, false), (banned.PriceVnd, banned.Stock, banned.Banned, banned.Active));
        Assert.IsType<MarketplaceError.Rejected>(priced.Error);
    }

    [Fact]
    public async Task UpdateStockAsync_BelowReservedAndPriceInPromotion_AreRejectedAndDeferred()
    {
        await using var host = await ShopeeSimulatorHost.StartAsync();
        var client = host.Channel.Client;
        var id = (await client.CreateAsync([Listings.Create("OCOP-R", host.BaseUrl)], Ct))[0].RemoteId!;
        var itemId = long.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
        host.Simulator.SetReservedStock(itemId, 5);
        host.Simulator.LockPrice(itemId);

        var stock = Assert.Single(await client.UpdateStockAsync([new StockUpdate(id, "OCOP-R", 3)], Ct));
        var price = Assert.Single(await client.UpdatePriceAsync([new PriceUpdate(id, "OCOP-R", 170_000)], Ct));

        Assert.NotNull(Assert.IsType<MarketplaceError.Rejected>(stock.Error).RequestId);
        Assert.IsType<MarketplaceError.Deferred>(price.Error);
        Assert.Equal((12, 185_000L), (host.Simulator.Items.Single().SellerStock, host.Simulator.Items.Single().OriginalPrice));
    }

    [Fact]
    public async Task SetStatusAsync_FiftyOneItems_IsSplitIntoCallsShopeeAccepts()
    {
        await using var host = await ShopeeSimulatorHost.StartAsync();
        var ids = Enumerable.Range(0, 51).Select(i => host.Simulator.InsertOrphan(ShopeeTestChannel.ShopId, $"S-{i}")).ToList();

        var results = await host.Channel.Client.SetStatusAsync(
            [.. ids.Select((id, i) => new StatusUpdate(id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"S-{i}", Active: false))], Ct);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        Assert.All(host.Simulator.Items, i => Assert.Equal("UNLIST", i.ItemStatus));
    }

    [Fact]
    public async Task AnyCall_WrongPartnerKey_IsRefusedWithErrorSignAndChangesNothing()
    {
        await using var host = await ShopeeSimulatorHost.StartAsync(settings: new Dictionary<string, string?> { ["SHOPEE_TEST:PartnerKey"] = "wrong-key" });

        var results = await host.Channel.Client.CreateAsync([Listings.Create("OCOP-X", host.BaseUrl)], Ct);

        Assert.Contains("error_sign", Assert.IsType<MarketplaceError.Misconfigured>(Assert.Single(results).Error).Message, StringComparison.Ordinal);
        Assert.Empty(host.Simulator.Items);
    }

    [Fact]
    public async Task AnyCall_ClockTenMinutesAhead_IsRefusedAsAnInvalidTimestamp()
    {
        var ahead = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(10));
        await using var host = await ShopeeSimulatorHost.StartAsync(adapterTime: ahead);

        var error = await Assert.ThrowsAsync<MarketplaceException>(() => host.Channel.Client.FindBySellerSkuAsync(["OCOP-1"], Ct));

        Assert.Contains("timestamp", Assert.IsType<MarketplaceError.Misconfigured>(error.Error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdatePriceAsync_OverTheShopsRate_IsRateLimited()
    {
        await using var host = await ShopeeSimulatorHost.StartAsync(new() { RequestsPerSecond = 0.01, Burst = 1 });
        var id = host.Simulator.InsertOrphan(ShopeeTestChannel.ShopId, "OCOP-L").ToString(System.Globalization.CultureInfo.InvariantCulture);

        var results = await host.Channel.Client.UpdatePriceAsync([new PriceUpdate(id, "OCOP-L", 120_000), new PriceUpdate(id, "OCOP-L", 130_000)], Ct);

        Assert.True(results[0].Succeeded, results[0].Error?.Message);
        Assert.IsType<MarketplaceError.RateLimited>(results[1].Error);
        Assert.Equal(120_000, host.Simulator.Items.Single().OriginalPrice);
    }
}
