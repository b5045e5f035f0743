using Microsoft.Extensions.Time.Testing;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.TikTokShop.Tests;

/// <summary>
/// The adapter against the simulator over real HTTP: the simulator checks signatures, timestamps, tokens and
/// shop_cipher with its own code, so these runs prove the adapter's requests are accepted as TikTok would accept them.
/// Each test uses its own SKU prefix, so tests share the server but no data.
/// </summary>
public sealed class TikTokShopSimulatorTests(SimulatorServer server) : IClassFixture<SimulatorServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Titles =
    [
        "Mật ong hoa cà phê Đắk Lắk 500g – OCOP 4★",
        "Trà shan tuyết cổ thụ Hà Giang 200g – OCOP 5★",
        "Nước mắm cốt cá cơm Phú Quốc 40 độ đạm – OCOP 4★",
        "Gạo ST25 Sóc Trăng túi 5kg thơm dẻo – OCOP 4★",
        "Cà phê Robusta rang mộc Buôn Ma Thuột – OCOP 3★",
    ];

    private async Task<(TikTokShopHarness Channel, List<ItemResult> Created)> CreateFiveAsync(string prefix, FakeShopTokenSource? tokens = null)
    {
        var channel = TikTokShopHarness.Create(server.BaseUrl, tokens ?? server.Tokens());
        var created = new List<ItemResult>();
        for (var i = 0; i < Titles.Length; i++)
        {
            created.AddRange(await channel.Client.CreateAsync([Listings.Create($"{prefix}-{i}", server.BaseUrl, 100_000 + (i * 1000), i + 1, title: Titles[i])], Ct));
        }

        Assert.All(created, r => Assert.True(r.Succeeded, r.Error?.Message));
        return (channel, created);
    }

    [Fact]
    public async Task Operations_FiveVietnameseListings_AreAppliedAndReadBack()
    {
        // Arrange
        var (channel, created) = await CreateFiveAsync("RT");
        await using var _ = channel;
        var client = channel.Client;
        var ids = created.Select(r => r.RemoteId!).ToList();

        // Act
        var price = await client.UpdatePriceAsync([new PriceUpdate(ids[0], "RT-0", 175_000)], Ct);
        var stock = await client.UpdateStockAsync([new StockUpdate(ids[1], "RT-1", 0)], Ct);
        var status = await client.SetStatusAsync([new StatusUpdate(ids[2], "RT-2", false), new StatusUpdate(ids[3], "RT-3", false)], Ct);
        var content = await client.UpdateContentAsync(
            [new ContentUpdate(ids[4], Listings.Content("RT-4", server.BaseUrl, "Cà phê Robusta rang mộc Buôn Ma Thuột 500g – OCOP 4★"))], Ct);
        var found = await client.FindBySellerSkuAsync(["RT-0", "RT-1", "RT-2", "RT-3", "RT-4", "RT-missing"], Ct);

        // Assert
        Assert.All(price.Concat(stock).Concat(status).Concat(content), r => Assert.True(r.Succeeded, r.Error?.Message));
        var bySku = found.ToDictionary(f => f.SellerSku);
        Assert.Equal(5, bySku.Count);
        Assert.Equal(175_000, bySku["RT-0"].PriceVnd);
        Assert.Equal(0, bySku["RT-1"].Stock);
        Assert.Equal([true, true, false, false, true], Enumerable.Range(0, 5).Select(i => bySku[$"RT-{i}"].Active));
        Assert.Equal("Cà phê Robusta rang mộc Buôn Ma Thuột 500g – OCOP 4★", bySku["RT-4"].Title);
        var stored = server.Simulator.Get(ids[0])!;
        Assert.Equal((Titles[0], "Đắk Lắk", "0.6"), (stored.Title, stored.Attributes["100392"], stored.WeightKg));
        Assert.Single(stored.ImageUris);
    }

    [Fact]
    public async Task PageItemsAsync_ManyPages_StreamsEveryItemOfThePrefix()
    {
        // Arrange: more than a page of products, plus a hand-made orphan and a deleted product.
        for (var i = 0; i < 105; i++)
        {
            server.Simulator.InsertOrphan($"PG-{i:D3}", $"Sản phẩm thủ công số {i} làm bằng tay tại làng nghề");
        }

        var deleted = server.Simulator.InsertOrphan("PG-deleted");
        server.Simulator.Delete(deleted);
        await using var channel = TikTokShopHarness.Create(server.BaseUrl, server.Tokens());

        // Act
        var items = new List<RemoteItem>();
        await foreach (var item in channel.Client.PageItemsAsync("PG-", Ct))
        {
            items.Add(item);
        }

        // Assert
        Assert.Equal(Enumerable.Range(0, 105).Select(i => $"PG-{i:D3}"), items.Select(i => i.SellerSku));
    }

    [Fact]
    public async Task Drift_BanLockAndSellerEdits_AreReportedAndMapped()
    {
        // Arrange
        var (channel, created) = await CreateFiveAsync("DR");
        await using var _ = channel;
        var ids = created.Select(r => r.RemoteId!).ToList();
        server.Simulator.Ban(ids[0]);
        server.Simulator.LockPrice(ids[1], true);
        server.Simulator.EditStock(ids[2], 77);

        // Act
        var banned = await channel.Client.UpdatePriceAsync([new PriceUpdate(ids[0], "DR-0", 120_000)], Ct);
        var locked = await channel.Client.UpdatePriceAsync([new PriceUpdate(ids[1], "DR-1", 120_000)], Ct);
        var found = (await channel.Client.FindBySellerSkuAsync(["DR-0", "DR-2"], Ct)).ToDictionary(f => f.SellerSku);

        // Assert
        Assert.IsType<MarketplaceError.Rejected>(Assert.Single(banned).Error);
        Assert.IsType<MarketplaceError.Deferred>(Assert.Single(locked).Error);
        Assert.NotNull(Assert.Single(locked).Error!.RequestId);
        Assert.True(found["DR-0"].Banned);
        Assert.Equal(77, found["DR-2"].Stock);
    }

    [Fact]
    public async Task SetStatusAsync_TwentyFiveItems_SplitsIntoCallsTheSimulatorAccepts()
    {
        // Arrange
        var ids = Enumerable.Range(0, 25).Select(i => server.Simulator.InsertOrphan($"BL-{i:D2}")).ToList();
        await using var channel = TikTokShopHarness.Create(server.BaseUrl, server.Tokens());
        var before = server.Simulator.Calls("POST /product/202309/products/deactivate");

        // Act
        var results = await channel.Client.SetStatusAsync([.. ids.Select((id, i) => new StatusUpdate(id, $"BL-{i:D2}", false))], Ct);

        // Assert
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        Assert.Equal(2, server.Simulator.Calls("POST /product/202309/products/deactivate") - before);
        Assert.All(ids, id => Assert.Equal("SELLER_DEACTIVATED", server.Simulator.Get(id)!.Status));
    }

    [Fact]
    public async Task CreateAsync_TitleShorterThanTikTokAllows_IsRejectedPerItem()
    {
        await using var channel = TikTokShopHarness.Create(server.BaseUrl, server.Tokens());

        var result = Assert.Single(await channel.Client.CreateAsync([Listings.Create("SHORT-1", server.BaseUrl, title: "Mật ong – OCOP 4★")], Ct));

        Assert.IsType<MarketplaceError.Rejected>(result.Error);
        Assert.Empty(server.Simulator.FindBySku("SHORT-1"));
    }

    [Fact]
    public async Task AnyCall_WrongAppSecret_IsRefusedWithInvalidSignAndChangesNothing()
    {
        // Arrange
        var id = server.Simulator.InsertOrphan("SIG-1");
        await using var channel = TikTokShopHarness.Create(server.BaseUrl, server.Tokens(),
            new Dictionary<string, string?> { ["TTS_TEST:AppSecret"] = "not-the-secret" });

        // Act
        var result = Assert.Single(await channel.Client.SetStatusAsync([new StatusUpdate(id, "SIG-1", false)], Ct));

        // Assert
        Assert.IsType<MarketplaceError.Misconfigured>(result.Error);
        Assert.Contains("106001", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal("ACTIVATE", server.Simulator.Get(id)!.Status);
    }

    [Fact]
    public async Task AnyCall_ClockTwoMinutesAhead_IsRefusedAsOutOfTheTimestampWindow()
    {
        // Arrange: TikTok accepts at most 30 s in the future.
        var id = server.Simulator.InsertOrphan("CLK-1");
        var ahead = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(2));
        await using var channel = TikTokShopHarness.Create(server.BaseUrl, server.Tokens(), time: ahead);

        // Act
        var result = Assert.Single(await channel.Client.SetStatusAsync([new StatusUpdate(id, "CLK-1", false)], Ct));

        // Assert
        Assert.IsType<MarketplaceError.Misconfigured>(result.Error);
        Assert.Contains("36009004", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCall_AccessTokenExpired_RefreshesThroughTheAuthorizerAndSucceeds()
    {
        // Arrange
        var tokens = server.Tokens();
        await using var channel = TikTokShopHarness.Create(server.BaseUrl, tokens);
        tokens.OnRefresh = (rejected, ct) => channel.Authorizer.RefreshAsync(channel.Channel, rejected, ct);
        var id = server.Simulator.InsertOrphan("EXP-1");
        server.Simulator.ExpireAccessTokens();
        var refreshes = server.Simulator.Refreshes;

        // Act
        var result = Assert.Single(await channel.Client.SetStatusAsync([new StatusUpdate(id, "EXP-1", false)], Ct));

        // Assert
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(1, server.Simulator.Refreshes - refreshes);
        Assert.Equal("SELLER_DEACTIVATED", server.Simulator.Get(id)!.Status);
    }
}
