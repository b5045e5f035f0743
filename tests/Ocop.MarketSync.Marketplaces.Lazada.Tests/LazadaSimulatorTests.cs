using Ocop.MarketSync.Sandbox.Lazada;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Lazada.Tests;

/// <summary>The adapter against the Lazada simulator over real HTTP: every operation, and the gateway's refusals.</summary>
public sealed class LazadaSimulatorTests
{
    private static readonly string[] Titles =
    [
        "Mật ong hoa cà phê Đắk Lắk – OCOP 4★",
        "Trà shan tuyết cổ thụ Hà Giang – OCOP 5★",
        "Nước mắm Phú Quốc 40 độ đạm – OCOP 4★",
        "Gạo ST25 Sóc Trăng túi 5kg – OCOP 3★",
        "Bánh pía sầu riêng Vũng Thơm – OCOP 4★",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Operations_FiveVietnameseListings_AreCreatedUpdatedFoundAndPaged()
    {
        // Arrange
        await using var lazada = await LazadaSimulatorFixture.StartAsync();
        var client = lazada.Channel.Client;
        var creates = Titles.Select((t, i) => Listings.Create($"OCOP-{i + 1}", t, price: 100_000 + (i * 1_000), stock: 10 + i)).ToList();

        // Act
        var created = await client.CreateAsync(creates, Ct);
        var ids = created.Select(r => r.RemoteId!).ToList();
        var price = await client.UpdatePriceAsync([new PriceUpdate(ids[0], "OCOP-1", 199_000)], Ct);
        var stock = await client.UpdateStockAsync([new StockUpdate(ids[1], "OCOP-2", 3), new StockUpdate(ids[2], "OCOP-3", 0)], Ct);
        var delist = await client.SetStatusAsync([new StatusUpdate(ids[3], "OCOP-4", false)], Ct);
        var content = await client.UpdateContentAsync([new ContentUpdate(ids[4], Listings.Content("OCOP-5", "Bánh pía kim sa Sóc Trăng – OCOP 4★"))], Ct);
        var found = await client.FindBySellerSkuAsync(["OCOP-1", "OCOP-4", "OCOP-404"], Ct);
        var paged = new List<RemoteItem>();
        await foreach (var item in client.PageItemsAsync("OCOP-", Ct))
        {
            paged.Add(item);
        }

        // Assert
        Assert.All(created.Concat(price).Concat(stock).Concat(delist).Concat(content), r => Assert.True(r.Succeeded, r.Error?.Message));
        Assert.Equal(["OCOP-1", "OCOP-4"], found.Select(f => f.SellerSku).Order(StringComparer.Ordinal));
        var byId = paged.ToDictionary(p => p.RemoteId);
        Assert.Equal(5, byId.Count);
        Assert.Equal((199_000, Titles[0]), (byId[ids[0]].PriceVnd, byId[ids[0]].Title));
        Assert.Equal((3, 0), (byId[ids[1]].Stock, byId[ids[2]].Stock));
        Assert.False(byId[ids[3]].Active);
        Assert.Equal("Bánh pía kim sa Sóc Trăng – OCOP 4★", byId[ids[4]].Title);
        // Images reached Lazada as Lazada-hosted copies, never the producer's URL.
        Assert.All(lazada.Simulator.Items, i => Assert.All(i.Images, url => Assert.StartsWith(LazadaSimulator.HostedImagePrefix, url, StringComparison.Ordinal)));
        Assert.Equal("Đắk Lắk", lazada.Simulator.FindBySku("OCOP-1")!.Attributes["country_origin_vn"]);
    }

    [Fact]
    public async Task FindBySellerSkuAsync_SkuNeedingEscaping_PassesTheGatewaysSignatureCheck()
    {
        // Arrange: space, plus, ampersand, slash and a Vietnamese letter in a GET query the gateway signs decoded.
        await using var lazada = await LazadaSimulatorFixture.StartAsync();
        const string sku = "OCOP HY+MO&500/đ=1";
        lazada.Simulator.InsertOrphan(sku, "Mật ong hoa nhãn Hưng Yên");

        // Act
        var found = await lazada.Channel.Client.FindBySellerSkuAsync([sku], Ct);

        // Assert
        Assert.Equal(sku, Assert.Single(found).SellerSku);
        Assert.Equal("Mật ong hoa nhãn Hưng Yên", found[0].Title);
    }

    [Fact]
    public async Task SetStatusAsync_DelistThenRelist_EndsActive()
    {
        // Arrange
        await using var lazada = await LazadaSimulatorFixture.StartAsync();
        var client = lazada.Channel.Client;
        var id = (await client.CreateAsync([Listings.Create("OCOP-1")], Ct))[0].RemoteId!;

        // Act
        var off = await client.SetStatusAsync([new StatusUpdate(id, "OCOP-1", false)], Ct);
        var offAgain = await client.SetStatusAsync([new StatusUpdate(id, "OCOP-1", false)], Ct);
        var on = await client.SetStatusAsync([new StatusUpdate(id, "OCOP-1", true)], Ct);

        // Assert
        Assert.All(off.Concat(offAgain).Concat(on), r => Assert.True(r.Succeeded, r.Error?.Message));
        Assert.Equal("active", lazada.Simulator.FindBySku("OCOP-1")!.Status);
    }

    [Fact]
    public async Task CreateAsync_SameSkuTwice_AdoptsTheFirstItemInsteadOfDuplicating()
    {
        // Arrange
        await using var lazada = await LazadaSimulatorFixture.StartAsync();
        var client = lazada.Channel.Client;

        // Act
        var first = await client.CreateAsync([Listings.Create("OCOP-1")], Ct);
        var second = await client.CreateAsync([Listings.Create("OCOP-1")], Ct);

        // Assert
        Assert.Equal(first[0].RemoteId, second[0].RemoteId);
        Assert.Single(lazada.Simulator.Items);
    }

    [Fact]
    public async Task Drift_SellerCentreEditsBanAndOrphan_ShowUpWhenPaging()
    {
        // Arrange
        await using var lazada = await LazadaSimulatorFixture.StartAsync();
        var client = lazada.Channel.Client;
        var ids = (await client.CreateAsync([Listings.Create("OCOP-1"), Listings.Create("OCOP-2"), Listings.Create("OCOP-3")], Ct)).Select(r => r.RemoteId!).ToList();
        var items = ids.Select(id => long.Parse(id.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        lazada.Simulator.EditPrice(items[0], 1_000);
        lazada.Simulator.Ban(items[1]);
        lazada.Simulator.Delete(items[2]);
        lazada.Simulator.InsertOrphan("OCOP-99");

        // Act
        var paged = new List<RemoteItem>();
        await foreach (var item in client.PageItemsAsync("OCOP-", Ct))
        {
            paged.Add(item);
        }

        var banned = await client.UpdatePriceAsync([new PriceUpdate(ids[1], "OCOP-2", 5_000)], Ct);

        // Assert
        Assert.Equal(["OCOP-1", "OCOP-2", "OCOP-99"], paged.Select(p => p.SellerSku).Order(StringComparer.Ordinal));
        Assert.Equal(1_000, paged.Single(p => p.SellerSku == "OCOP-1").PriceVnd);
        Assert.True(paged.Single(p => p.SellerSku == "OCOP-2").Banned);
        Assert.IsType<MarketplaceError.Rejected>(Assert.Single(banned).Error);
    }

    [Fact]
    public async Task PageItemsAsync_MoreItemsThanTheOffsetCap_SplitsTheUpdateWindowAndNeverPassesTheCap()
    {
        // Arrange: a cap of 4 stands in for Lazada's 10,000, on both sides; the simulator refuses deeper offsets.
        await using var lazada = await LazadaSimulatorFixture.StartAsync(
            new LazadaSimulatorOptions { AppKey = LazadaHarness.AppKey, AppSecret = LazadaHarness.AppSecret, MaxOffset = 4 },
            new Dictionary<string, string?>
            {
                [$"Channels:{LazadaHarness.ChannelId}:Lazada:PageSize"] = "2",
                [$"Channels:{LazadaHarness.ChannelId}:Lazada:OffsetCap"] = "4",
            });
        for (var i = 0; i < 15; i++)
        {
            lazada.Simulator.InsertOrphan($"OCOP-{i}");
            lazada.SimulatorTime.Advance(TimeSpan.FromHours(1));
            lazada.Channel.Time.Advance(TimeSpan.FromHours(1));
        }

        // Act
        var paged = new List<RemoteItem>();
        await foreach (var item in lazada.Channel.Client.PageItemsAsync("OCOP-", Ct))
        {
            paged.Add(item);
        }

        // Assert: every item exactly once, in update order.
        Assert.Equal(Enumerable.Range(0, 15).Select(i => $"OCOP-{i}"), paged.Select(p => p.SellerSku));
        Assert.True(lazada.Simulator.Calls("/products/get") > 8, "the window was not split");
    }

    [Fact]
    public async Task UpdateStockAsync_CampaignLockedDecrease_IsDeferredAndIncreaseWorks()
    {
        // Arrange
        await using var lazada = await LazadaSimulatorFixture.StartAsync();
        var client = lazada.Channel.Client;
        var id = (await client.CreateAsync([Listings.Create("OCOP-1", stock: 10)], Ct))[0].RemoteId!;
        lazada.Simulator.LockForCampaign(long.Parse(id.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture));

        // Act
        var down = await client.UpdateStockAsync([new StockUpdate(id, "OCOP-1", 2)], Ct);
        var up = await client.UpdateStockAsync([new StockUpdate(id, "OCOP-1", 20)], Ct);

        // Assert
        Assert.IsType<MarketplaceError.Deferred>(Assert.Single(down).Error);
        Assert.True(Assert.Single(up).Succeeded);
        Assert.Equal(20, lazada.Simulator.FindBySku("OCOP-1")!.Quantity);
    }

    [Fact]
    public async Task UpdatePriceAsync_MoreSkusThanTheSimulatorAllows_IsMisconfiguredBatchSize()
    {
        // Arrange: the channel is configured for 50 SKUs a call; this shop's gateway takes 10.
        await using var lazada = await LazadaSimulatorFixture.StartAsync(
            new LazadaSimulatorOptions { AppKey = LazadaHarness.AppKey, AppSecret = LazadaHarness.AppSecret, MaxSkusPerCall = 10 },
            new Dictionary<string, string?> { [$"Channels:{LazadaHarness.ChannelId}:Lazada:UpdateBatchSize"] = "50" });
        var updates = Enumerable.Range(1, 11).Select(i => new PriceUpdate($"{i}:{i}", $"OCOP-{i}", 1000)).ToList();

        // Act
        var results = await lazada.Channel.Client.UpdatePriceAsync(updates, Ct);

        // Assert
        Assert.All(results, r => Assert.IsType<MarketplaceError.Misconfigured>(r.Error));
    }

    [Fact]
    public async Task Calls_WrongAppSecret_AreRefusedAsIncompleteSignatureAndChangeNothing()
    {
        // Arrange
        await using var lazada = await LazadaSimulatorFixture.StartAsync();
        await using var forged = LazadaHarness.Create(lazada.Gateway, lazada.Channel.Time, lazada.Channel.Tokens.Current,
            new Dictionary<string, string?> { ["LAZADA_TEST:AppSecret"] = "not-the-secret" });

        // Act
        var result = Assert.Single(await forged.Client.CreateAsync([Listings.Create("OCOP-1")], Ct));

        // Assert
        var error = Assert.IsType<MarketplaceError.Misconfigured>(result.Error);
        Assert.Contains("IncompleteSignature", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.RequestId);
        Assert.Empty(lazada.Simulator.Items);
    }

    [Fact]
    public async Task Calls_ClockThreeHoursBehind_AreRefusedForTheTimestamp()
    {
        // Arrange
        await using var lazada = await LazadaSimulatorFixture.StartAsync();
        lazada.SimulatorTime.Advance(TimeSpan.FromHours(3));

        // Act
        var error = await Assert.ThrowsAsync<MarketplaceException>(() => lazada.Channel.Client.FindBySellerSkuAsync(["OCOP-1"], Ct));

        // Assert
        Assert.Contains("InvalidTimestamp", Assert.IsType<MarketplaceError.Misconfigured>(error.Error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_OverTheAppRateLimit_AreRateLimited()
    {
        // Arrange: two calls a second, and the fake clock stands still.
        await using var lazada = await LazadaSimulatorFixture.StartAsync(
            new LazadaSimulatorOptions { AppKey = LazadaHarness.AppKey, AppSecret = LazadaHarness.AppSecret, RequestsPerSecond = 2 }, authorize: false);
        lazada.Channel.Tokens.Set(await lazada.Channel.Authorizer.ExchangeCodeAsync(lazada.Channel.Channel, lazada.Simulator.IssueCode(), Ct));

        // Act
        var results = await lazada.Channel.Client.UpdateStockAsync(
            [new StockUpdate("1:1", "A", 1)], Ct);
        var limited = await lazada.Channel.Client.UpdateStockAsync([new StockUpdate("1:1", "A", 1)], Ct);

        // Assert: the token exchange and the first update used the two calls.
        Assert.IsNotType<MarketplaceError.RateLimited>(Assert.Single(results).Error);
        Assert.Equal(TimeSpan.FromSeconds(1), Assert.IsType<MarketplaceError.RateLimited>(Assert.Single(limited).Error).RetryAfter);
    }
}
