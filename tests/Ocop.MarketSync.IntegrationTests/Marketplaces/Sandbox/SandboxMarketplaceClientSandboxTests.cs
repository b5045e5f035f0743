using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.Marketplace;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.Sandbox;

/// <summary>The adapter against the real sandbox marketplace over HTTP on 127.0.0.1: the two sides agree on the contract.</summary>
public sealed class SandboxMarketplaceClientSandboxTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(MarketplaceSandbox Sandbox, SandboxServer Server)> StartAsync(MarketplaceSandboxOptions? options = null)
    {
        var sandbox = new MarketplaceSandbox(options);
        return (sandbox, await SandboxServer.StartAsync(0, app => app.MapMarketplaceSandbox(sandbox), Ct));
    }

    [Fact]
    public async Task Lifecycle_CreateFindUpdateDelistAndPage_EveryStepLandsInTheSandbox()
    {
        // Arrange
        var (sandbox, server) = await StartAsync();
        await using var serving = server;
        await using var channel = SandboxChannelHarness.Create(server.BaseUrl, new Dictionary<string, string?>
        {
            [SandboxChannelHarness.Key("Sandbox:PageSize")] = "2",
        });
        var client = channel.Client;
        sandbox.InsertOrphan("OTHER-1");

        // Act + Assert: create
        var created = await client.CreateAsync([Listings.Create("OCOP-1"), Listings.Create("OCOP-2", priceVnd: 95_000, stock: 4), Listings.Create("OCOP-3")], Ct);
        Assert.All(created, r => Assert.True(r.Succeeded, r.Error?.Message));
        Assert.Equal(["itm-000002", "itm-000003", "itm-000004"], created.Select(r => r.RemoteId));
        Assert.Equal(new Uri(sandbox.Options.ItemUrlBase, "itm-000002").ToString(), created[0].Url);
        Assert.Equal(("Đắk Lắk", 500), (sandbox.Get("itm-000002")!.Attributes["origin"], sandbox.Get("itm-000002")!.WeightGrams));

        // find by SKU
        var found = await client.FindBySellerSkuAsync(["OCOP-2", "OCOP-404"], Ct);
        var item = Assert.Single(found);
        Assert.Equal(("itm-000003", "OCOP-2", 95_000L, 4, true, false), (item.RemoteId, item.SellerSku, item.PriceVnd, item.Stock, item.Active, item.Banned));

        // update price, stock, content; delist
        var price = await client.UpdatePriceAsync([new PriceUpdate("itm-000003", "OCOP-2", 99_000)], Ct);
        var stock = await client.UpdateStockAsync([new StockUpdate("itm-000003", "OCOP-2", 0), new StockUpdate("itm-999999", "OCOP-9", 1)], Ct);
        var content = await client.UpdateContentAsync([new ContentUpdate("itm-000004", Listings.Content("OCOP-3", "Trà shan tuyết Hà Giang – OCOP 5★"))], Ct);
        var status = await client.SetStatusAsync([new StatusUpdate("itm-000002", "OCOP-1", false)], Ct);
        Assert.True(Assert.Single(price).Succeeded);
        Assert.True(stock[0].Succeeded);
        Assert.Equal(new MarketplaceError.NotFound("no item 'itm-999999'"), stock[1].Error! with { RequestId = null });
        Assert.NotNull(stock[1].Error!.RequestId);
        Assert.True(Assert.Single(content).Succeeded);
        Assert.True(Assert.Single(status).Succeeded);
        Assert.Equal((99_000L, 0), (sandbox.Get("itm-000003")!.PriceVnd, sandbox.Get("itm-000003")!.Stock));
        Assert.Equal("Trà shan tuyết Hà Giang – OCOP 5★", sandbox.Get("itm-000004")!.Title);
        Assert.False(sandbox.Get("itm-000002")!.Active);

        // page: two pages of two, the orphan of another prefix left out
        var paged = await client.PageItemsAsync("OCOP-", Ct).ToListAsync(Ct);
        Assert.Equal(["OCOP-1", "OCOP-2", "OCOP-3"], paged.Select(i => i.SellerSku));
        Assert.False(paged[0].Active);
        Assert.Equal(2, sandbox.Calls(MarketplaceSandboxEndpoint.PageItems));
        Assert.Equal(0, sandbox.DuplicateSkuCount);
        Assert.Equal(4, sandbox.MaxStockSet("OCOP-2"));
    }

    [Fact]
    public async Task CreateAsync_ResponseLost_TransientAndALookupFindsTheItemSoNoSecondCreateIsNeeded()
    {
        // Arrange
        var (sandbox, server) = await StartAsync();
        await using var serving = server;
        await using var channel = SandboxChannelHarness.Create(server.BaseUrl);
        sandbox.Faults.Next(MarketplaceFault.ResponseLost, endpoint: MarketplaceSandboxEndpoint.BatchCreate);

        // Act
        var created = await channel.Client.CreateAsync([Listings.Create("OCOP-1")], Ct);
        var found = await channel.Client.FindBySellerSkuAsync(["OCOP-1"], Ct);

        // Assert: the adapter did not retry the create itself; the item exists once and the lookup finds it.
        Assert.IsType<MarketplaceError.Transient>(Assert.Single(created).Error);
        Assert.Equal("itm-000001", Assert.Single(found).RemoteId);
        Assert.Equal(1, sandbox.Calls(MarketplaceSandboxEndpoint.BatchCreate));
        Assert.Equal(0, sandbox.DuplicateSkuCount);
    }

    [Fact]
    public async Task UpdateStockAsync_SandboxRateLimitUsedUp_RateLimitedWithItsRetryAfter()
    {
        // Arrange
        var (sandbox, server) = await StartAsync(new MarketplaceSandboxOptions { RequestsPerSecond = 0.2, Burst = 1 });
        await using var serving = server;
        await using var channel = SandboxChannelHarness.Create(server.BaseUrl);
        var id = sandbox.InsertOrphan("OCOP-1");

        // Act
        var first = await channel.Client.UpdateStockAsync([new StockUpdate(id, "OCOP-1", 3)], Ct);
        var second = await channel.Client.UpdateStockAsync([new StockUpdate(id, "OCOP-1", 4)], Ct);

        // Assert
        Assert.True(Assert.Single(first).Succeeded);
        var limited = Assert.IsType<MarketplaceError.RateLimited>(Assert.Single(second).Error);
        // One token per 5 s: the next is due in at most 5 s (less if the second call came late), in whole seconds.
        Assert.InRange(limited.RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        Assert.Equal(0, limited.RetryAfter.Milliseconds);
        Assert.Equal(3, sandbox.Get(id)!.Stock);
    }

    [Fact]
    public async Task CreateAsync_TitleOverTheByteLimit_RejectedWithTheSandboxMessage()
    {
        // Arrange
        var (sandbox, server) = await StartAsync();
        await using var serving = server;
        await using var channel = SandboxChannelHarness.Create(server.BaseUrl);
        var listing = Listings.Create("OCOP-1") with { Content = Listings.Content("OCOP-1", new string('ệ', 100)) };

        // Act
        var result = Assert.Single(await channel.Client.CreateAsync([listing], Ct));

        // Assert
        Assert.Equal("title is 300 bytes of UTF-8, more than the limit of 255", Assert.IsType<MarketplaceError.Rejected>(result.Error).Reason);
        Assert.Empty(sandbox.Items);
    }

    [Fact]
    public async Task Calls_SandboxRequiresAToken_AcceptedWithTheChannelsTokenAuthExpiredWithAWrongOne()
    {
        // Arrange
        var (_, server) = await StartAsync(new MarketplaceSandboxOptions { AccessToken = "shop-token" });
        await using var serving = server;
        var credentials = SandboxChannelHarness.Key("CredentialsRef");
        await using var good = SandboxChannelHarness.Create(server.BaseUrl, new Dictionary<string, string?>
        {
            [credentials] = "SANDBOX_TEST", ["SANDBOX_TEST:AccessToken"] = "shop-token",
        });
        await using var stale = SandboxChannelHarness.Create(server.BaseUrl, new Dictionary<string, string?>
        {
            [credentials] = "SANDBOX_TEST", ["SANDBOX_TEST:AccessToken"] = "revoked-token",
        });

        // Act
        var accepted = await good.Client.CreateAsync([Listings.Create("OCOP-1")], Ct);
        var refused = await Assert.ThrowsAsync<MarketplaceException>(() => stale.Client.FindBySellerSkuAsync(["OCOP-1"], Ct));

        // Assert
        Assert.True(Assert.Single(accepted).Succeeded);
        Assert.IsType<MarketplaceError.AuthExpired>(refused.Error);
    }

    [Fact]
    public async Task UpdatePriceAsync_SandboxHoldsLongerThanTheAttemptTimeout_TransientAndNotApplied()
    {
        // Arrange
        var (sandbox, server) = await StartAsync();
        await using var serving = server;
        await using var channel = SandboxChannelHarness.Create(server.BaseUrl, new Dictionary<string, string?>
        {
            [SandboxChannelHarness.Key("Sandbox:AttemptTimeout")] = "00:00:00.300",
        });
        var id = sandbox.InsertOrphan("OCOP-1", priceVnd: 100_000);
        sandbox.Faults.TimeoutHold = TimeSpan.FromSeconds(2);
        sandbox.Faults.Next(MarketplaceFault.Timeout);

        // Act
        var result = Assert.Single(await channel.Client.UpdatePriceAsync([new PriceUpdate(id, "OCOP-1", 120_000)], Ct));
        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct);

        // Assert
        Assert.IsType<MarketplaceError.Transient>(result.Error);
        Assert.Equal(100_000, sandbox.Get(id)!.PriceVnd);
        Assert.Equal(1, sandbox.Calls(MarketplaceSandboxEndpoint.BatchUpdatePrice));
    }
}
