using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Sendo.Tests;

/// <summary>The adapter against the simulator over HTTP: login, review, refusals by status, token expiry, paging, drift.</summary>
public sealed class SendoSimulatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateThenRead_NewProductIsPendingUntilTheReviewDelayThenSells()
    {
        // Arrange
        await using var server = await SimulatorServer.StartAsync(o => o.ReviewDelay = TimeSpan.FromMinutes(10));
        var (channel, _) = await server.ChannelAsync(Ct);
        await using var _ = channel;

        // Act
        var created = Assert.Single(await channel.Client.CreateAsync([Listings.Create("OCOP-REG-00101")], Ct));
        var whilePending = Assert.Single(await channel.Client.UpdatePriceAsync([new(created.RemoteId!, "OCOP-REG-00101", 190_000)], Ct));
        var pending = Assert.Single(await channel.Client.FindBySellerSkuAsync(["OCOP-REG-00101"], Ct));
        server.Time.Advance(TimeSpan.FromMinutes(10));
        var afterReview = Assert.Single(await channel.Client.UpdatePriceAsync([new(created.RemoteId!, "OCOP-REG-00101", 190_000)], Ct));
        var selling = Assert.Single(await channel.Client.FindBySellerSkuAsync(["OCOP-REG-00101"], Ct));

        // Assert
        Assert.True(created.Succeeded, created.Error?.Message);
        Assert.Contains("Sendo status 1", Assert.IsType<MarketplaceError.Deferred>(whilePending.Error).Message, StringComparison.Ordinal);
        Assert.False(pending.Active);
        Assert.True(afterReview.Succeeded, afterReview.Error?.Message);
        Assert.Equal((true, 190_000L, 12), (selling.Active, selling.PriceVnd, selling.Stock));
    }

    [Theory]
    [InlineData(4, typeof(MarketplaceError.Rejected))]
    [InlineData(5, typeof(MarketplaceError.NotFound))]
    [InlineData(6, typeof(MarketplaceError.NotFound))]
    public async Task Update_CancelledOrDeletedProduct_IsRefusedWithItsStatus(int status, Type expected)
    {
        // Arrange
        await using var server = await SimulatorServer.StartAsync();
        var (channel, _) = await server.ChannelAsync(Ct);
        await using var _ = channel;
        var id = Assert.Single(await channel.Client.CreateAsync([Listings.Create("OCOP-REG-00102")], Ct)).RemoteId!;
        server.Simulator.SetStatus(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture), status);

        // Act
        var result = Assert.Single(await channel.Client.UpdateStockAsync([new(id, "OCOP-REG-00102", 3)], Ct));

        // Assert
        Assert.IsType(expected, result.Error);
        Assert.Contains($"Sendo status {status}", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_TokenExpired_LogsInAgainOnceAndSucceeds()
    {
        // Arrange
        await using var server = await SimulatorServer.StartAsync(o => o.TokenLifetime = TimeSpan.FromHours(8));
        var (channel, tokens) = await server.ChannelAsync(Ct);
        await using var _ = channel;
        server.Time.Advance(TimeSpan.FromHours(8));

        // Act
        var result = Assert.Single(await channel.Client.CreateAsync([Listings.Create("OCOP-REG-00103")], Ct));

        // Assert
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(1, tokens.ForcedRefreshes);
        Assert.Equal(server.Time.GetUtcNow() + TimeSpan.FromHours(8), tokens.Current.AccessTokenExpiresAt);
        Assert.Equal(["POST /login", "POST /api/partner/product/search", "POST /api/partner/product", "POST /login", "POST /api/partner/product"],
            server.Simulator.Calls);
    }

    [Fact]
    public async Task Login_MoreThanFivePerSecondFromOneIp_IsRefused()
    {
        // Arrange: the fake clock stands still, so all six are in the same second
        await using var server = await SimulatorServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        var keys = new { shop_key = SendoHarness.ShopKey, secret_key = SendoHarness.SecretKey };

        // Act
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await http.PostAsJsonAsync("login", keys, Ct);
            answers.Add(response.StatusCode);
        }

        // Assert
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(1, server.Simulator.LoginsRefused);
    }

    [Fact]
    public async Task Login_ManyChannelsAtOnceThroughTheAdapter_StaysUnderTheLimit()
    {
        // Arrange: real time on both sides; eight logins started together, as eight shops renewing at once
        await using var server = await SimulatorServer.StartAsync(realClock: true);
        await using var channel = SendoHarness.Create(server.BaseUrl, FakeShopTokenSource.For("t"));
        var old = FakeShopTokenSource.For("t").Current;

        // Act
        var tokens = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => channel.Authorizer.RefreshAsync(channel.Channel, old, Ct)));

        // Assert
        Assert.Equal(8, tokens.Select(t => t.AccessToken).Distinct().Count());
        Assert.Equal(0, server.Simulator.LoginsRefused);
    }

    [Fact]
    public async Task Simulator_RefusesWhatSendoRefuses()
    {
        // Arrange
        await using var server = await SimulatorServer.StartAsync();
        var (token, _) = server.Simulator.IssueToken();
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        http.DefaultRequestHeaders.Add("Authorization", "bearer " + token);
        var valid = JsonNode.Parse(SendoClientWriteTests.CreatedBody("OCOP-REG-00104"))!.AsObject();
        JsonObject With(string field, JsonNode? value)
        {
            var copy = valid.DeepClone().AsObject();
            copy[field] = value;
            return copy;
        }

        // Act
        async Task<HttpStatusCode> Post(JsonObject body)
        {
            using var response = await http.PostAsync("api/partner/product", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"), Ct);
            return response.StatusCode;
        }

        var answers = new[]
        {
            await Post(With("price", 7_999)),
            await Post(With("stock_quantity", 100_000)),
            await Post(With("stock_quantity", 0)), // stock_availability still true
            await Post(With("sku", "AB")),
            await Post(With("sku", new string('S', 46))),
            await Post(With("description", "<p>ngắn</p>")),
            await Post(valid),
            await Post(valid), // the same SKU again
        };

        // Assert
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.BadRequest, 6), HttpStatusCode.OK, HttpStatusCode.BadRequest], answers);
    }

    [Fact]
    public async Task PageItems_120Products_ThreeCursorPagesAndDriftReadBack()
    {
        // Arrange
        await using var server = await SimulatorServer.StartAsync();
        var (channel, _) = await server.ChannelAsync(Ct);
        await using var _ = channel;
        var listings = Enumerable.Range(1, 120).Select(i => Listings.Create($"OCOP-P-{i:D3}")).ToList();
        foreach (var chunk in listings.Chunk(10))
        {
            Assert.All(await channel.Client.CreateAsync(chunk, Ct), r => Assert.True(r.Succeeded, r.Error?.Message));
        }

        var drifted = server.Simulator.Products.First(p => p.Sku == "OCOP-P-077");
        server.Simulator.EditPrice(drifted.Id, 111_000);
        server.Simulator.EditStock(drifted.Id, 0);

        // Act
        var paged = new List<RemoteItem>();
        await foreach (var item in channel.Client.PageItemsAsync("OCOP-P-", Ct))
        {
            paged.Add(item);
        }

        // Assert
        Assert.Equal(120, paged.Select(p => p.SellerSku).Distinct().Count());
        Assert.Equal(3, server.Simulator.Calls.Count(c => c == "POST /api/partner/product/search") - 1); // one was authorize's check
        Assert.Equal(12, server.Simulator.Calls.Count(c => c == "POST /api/partner/product/list"));
        var read = paged.Single(p => p.SellerSku == "OCOP-P-077");
        Assert.Equal((111_000L, 0, false), (read.PriceVnd, read.Stock, read.Active));
    }

    [Fact]
    public async Task Search_DateFilters_KeepProductsUpdatedInTheWindow()
    {
        // Arrange
        await using var server = await SimulatorServer.StartAsync();
        var body = JsonNode.Parse(SendoClientWriteTests.CreatedBody("OCOP-REG-00105"))!.AsObject();
        server.Simulator.Save(body);
        server.Time.Advance(TimeSpan.FromDays(3));
        body["sku"] = "OCOP-REG-00106";
        server.Simulator.Save(body);

        // Act: 2026-12-06 02:00 UTC is the 6th in Vietnam; the second product is from the 9th
        var early = server.Simulator.Search(new JsonObject { ["page_size"] = 50, ["date_from"] = "2026-12-06", ["date_to"] = "2026-12-07" });
        var late = server.Simulator.Search(new JsonObject { ["page_size"] = 50, ["date_from"] = "2026-12-08" });
        var tooBig = server.Simulator.Search(new JsonObject { ["page_size"] = 51 });

        // Assert
        Assert.Equal("OCOP-REG-00105", Assert.Single(early.Result!["data"]!.AsArray())!["sku"]!.GetValue<string>());
        Assert.Equal("OCOP-REG-00106", Assert.Single(late.Result!["data"]!.AsArray())!["sku"]!.GetValue<string>());
        Assert.Equal(400, tooBig.HttpStatus);
    }
}
