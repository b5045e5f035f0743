using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.Marketplaces.Tiki.Tests;

/// <summary>The adapter against the simulator: authorise, create → review → approve, turn on, price and stock with read-back, drift → event → hint, token expiry → refresh.</summary>
public sealed class TikiSimulatorFlowTests : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FullLifecycle_AuthoriseCreateApproveTurnOnUpdateAndReadBack()
    {
        // Arrange: the seller consents; the code is exchanged as `channel authorize --code` does.
        var server = await Start();
        var tokens = server.Tokens();
        var channel = Own(TikiHarness.Create(server.BaseUrl, tokens));
        var authorised = await channel.Authorizer.ExchangeCodeAsync(channel.Channel, server.Simulator.IssueCode(), Ct);
        tokens.OnRefresh = (current, ct) => channel.Authorizer.RefreshAsync(channel.Channel, current, ct);

        // Act: create, then follow the review as the simulator's clock moves.
        var created = Assert.Single(await channel.Client.CreateAsync([Listings.Create("OCOP-1", 185_000, 12)], Ct));
        var waiting = Assert.Single(await channel.Reviews.TrackReviewsAsync([created.ReviewTicket!], Ct));
        server.Clock.Advance(TimeSpan.FromSeconds(3));
        var later = Assert.Single(await channel.Reviews.TrackReviewsAsync([created.ReviewTicket!], Ct));
        server.Clock.Advance(TimeSpan.FromSeconds(10));
        var approved = Assert.Single(await channel.Reviews.TrackReviewsAsync([created.ReviewTicket!], Ct));
        var id = approved.RemoteId!;
        var on = Assert.Single(await channel.Client.SetStatusAsync([new StatusUpdate(id, "OCOP-1", true)], Ct));
        var price = Assert.Single(await channel.Client.UpdatePriceAsync([new PriceUpdate(id, "OCOP-1", 199_000)], Ct));
        var stock = Assert.Single(await channel.Client.UpdateStockAsync([new StockUpdate(id, "OCOP-1", 40)], Ct));
        var found = Assert.Single(await channel.Client.FindBySellerSkuAsync(["OCOP-1"], Ct));

        // Assert
        Assert.Equal(("1234567", ""), (authorised.ShopId, authorised.RefreshToken.Length > 0 ? "" : "no refresh token"));
        Assert.Null(created.RemoteId);
        Assert.Equal((ReviewDecision.Waiting, "queuing"), (waiting.Decision, waiting.RawState));
        Assert.Equal((ReviewDecision.Waiting, "processing"), (later.Decision, later.RawState));
        Assert.Equal((ReviewDecision.Approved, false), (approved.Decision, approved.Active));
        Assert.All([on, price, stock], r => Assert.True(r.Succeeded, r.Error?.Message));
        Assert.Equal((id, 199_000L, 40, true), (found.RemoteId, found.PriceVnd, found.Stock, found.Active));
    }

    [Fact]
    public async Task TrackReviewsAsync_DuplicateSkuAndBannedWord_AreRejectedWithTikisReasons()
    {
        // Arrange
        var options = SimulatorServer.DefaultOptions();
        options.ReviewStepDelay = TimeSpan.Zero;
        var server = await Start(options);
        var channel = Own(TikiHarness.Create(server.BaseUrl, server.Tokens()));
        var first = await channel.Client.CreateAsync([Listings.Create("OCOP-1")], Ct);
        var again = await channel.Client.CreateAsync([Listings.Create("OCOP-1")], Ct);
        var banned = await channel.Client.CreateAsync([Listings.Create("OCOP-2", title: "Cao dược liệu chữa bệnh gan – OCOP 3★")], Ct);

        // Act
        var outcomes = await channel.Reviews.TrackReviewsAsync([first[0].ReviewTicket!, again[0].ReviewTicket!, banned[0].ReviewTicket!], Ct);

        // Assert
        Assert.Equal(ReviewDecision.Approved, outcomes[0].Decision);
        Assert.Equal((ReviewDecision.Rejected, "420 Seller product code is not unique", "rejected"), (outcomes[1].Decision, outcomes[1].Reason, outcomes[1].RawState));
        Assert.Equal(ReviewDecision.Rejected, outcomes[2].Decision);
        Assert.Contains("chữa bệnh", outcomes[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateContentAsync_GoesThroughReviewAndThenShows()
    {
        var options = SimulatorServer.DefaultOptions();
        options.ReviewStepDelay = TimeSpan.Zero;
        var server = await Start(options);
        var channel = Own(TikiHarness.Create(server.BaseUrl, server.Tokens()));
        var created = await channel.Client.CreateAsync([Listings.Create("OCOP-1")], Ct);
        var id = (await channel.Reviews.TrackReviewsAsync([created[0].ReviewTicket!], Ct))[0].RemoteId!;

        var update = Assert.Single(await channel.Client.UpdateContentAsync(
            [new ContentUpdate(id, Listings.Content("OCOP-1", "Mật ong rừng U Minh 500g – OCOP 5★"))], Ct));
        var outcome = Assert.Single(await channel.Reviews.TrackReviewsAsync([update.ReviewTicket!], Ct));

        Assert.Equal((id, ReviewDecision.Approved, id), (update.RemoteId, outcome.Decision, outcome.RemoteId));
        Assert.Equal("Mật ong rừng U Minh 500g – OCOP 5★", server.Simulator.Get(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture))!.Name);
    }

    [Fact]
    public async Task EventQueue_SellerCentreDrift_BecomesAHintAndIsAcknowledged()
    {
        // Arrange
        var options = SimulatorServer.DefaultOptions();
        options.ReviewStepDelay = TimeSpan.Zero;
        var server = await Start(options);
        var code = server.Simulator.CreateQueue("ocop", "PRODUCT_PRICE_UPDATED", "PRODUCT_INVENTORY_UPDATED");
        var channel = Own(TikiHarness.Create(server.BaseUrl, server.Tokens(), new Dictionary<string, string?> { [TikiHarness.Key("Tiki:EventQueueCode")] = code }));
        var created = await channel.Client.CreateAsync([Listings.Create("OCOP-1")], Ct);
        var id = (await channel.Reviews.TrackReviewsAsync([created[0].ReviewTicket!], Ct))[0].RemoteId!;

        // Act: the seller changes the price by hand; the adapter pulls twice without acknowledging, then acknowledges.
        server.Simulator.EditPrice(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture), 99_000);
        var first = await channel.Events.PullAsync(channel.Channel, null, Ct);
        var redelivered = await channel.Events.PullAsync(channel.Channel, null, Ct);
        var afterAck = await channel.Events.PullAsync(channel.Channel, redelivered.AckId, Ct);

        // Assert
        Assert.Equal(id, Assert.Single(first.Hints).RemoteId);
        Assert.Equal(first.Hints, redelivered.Hints);
        Assert.Empty(afterAck.Hints);
        var read = Assert.Single(await channel.Client.FindBySellerSkuAsync(["OCOP-1"], Ct));
        Assert.Equal(99_000, read.PriceVnd);
    }

    [Fact]
    public async Task TokenExpiry_NextCallRefreshesOnceAndTheOldRefreshTokenIsSpent()
    {
        // Arrange
        var server = await Start();
        var tokens = server.Tokens();
        var channel = Own(TikiHarness.Create(server.BaseUrl, tokens));
        tokens.OnRefresh = (current, ct) => channel.Authorizer.RefreshAsync(channel.Channel, current, ct);
        var spent = tokens.Current;

        // Act: an hour passes on the simulator's clock.
        server.Clock.Advance(TimeSpan.FromMinutes(61));
        var found = await channel.Client.FindBySellerSkuAsync(["OCOP-404"], Ct);

        // Assert
        Assert.Empty(found);
        Assert.Equal(1, tokens.ForcedRefreshes);
        Assert.NotEqual(spent.RefreshToken, tokens.Current.RefreshToken);
        await Assert.ThrowsAsync<MarketplaceAuthException>(() => channel.Authorizer.RefreshAsync(channel.Channel, spent, Ct));
    }

    [Fact]
    public async Task UpdateStockAsync_BugModeSuccessWithoutChange_IsTransient()
    {
        var options = SimulatorServer.DefaultOptions();
        options.ReviewStepDelay = TimeSpan.Zero;
        var server = await Start(options);
        var channel = Own(TikiHarness.Create(server.BaseUrl, server.Tokens()));
        var created = await channel.Client.CreateAsync([Listings.Create("OCOP-1", stock: 12)], Ct);
        var id = (await channel.Reviews.TrackReviewsAsync([created[0].ReviewTicket!], Ct))[0].RemoteId!;
        server.Simulator.Options.SuccessWithoutChange = true;

        var result = Assert.Single(await channel.Client.UpdateStockAsync([new StockUpdate(id, "OCOP-1", 30)], Ct));

        Assert.Contains("quantity 12 (sent 30)", Assert.IsType<MarketplaceError.Transient>(result.Error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShopThatMayNotUpdateProducts_AuthorisationIsRefusedAndWritesAreRejected()
    {
        var options = SimulatorServer.DefaultOptions();
        options.ReviewStepDelay = TimeSpan.Zero;
        var server = await Start(options);
        var channel = Own(TikiHarness.Create(server.BaseUrl, server.Tokens()));
        var created = await channel.Client.CreateAsync([Listings.Create("OCOP-1")], Ct);
        var id = (await channel.Reviews.TrackReviewsAsync([created[0].ReviewTicket!], Ct))[0].RemoteId!;
        server.Simulator.Options.CanUpdateProduct = false;

        var refused = await Assert.ThrowsAsync<MarketplaceException>(() => channel.Authorizer.ExchangeCodeAsync(channel.Channel, server.Simulator.IssueCode(), Ct));
        var write = Assert.Single(await channel.Client.UpdatePriceAsync([new PriceUpdate(id, "OCOP-1", 150_000)], Ct));

        Assert.IsType<MarketplaceError.Misconfigured>(refused.Error);
        Assert.Equal("Tiki HTTP 403: you do not have permission to update this product", Assert.IsType<MarketplaceError.Rejected>(write.Error).Reason);
    }

    [Fact]
    public async Task AboveTheRate_IsRateLimitedWithTheSimulatorsRetryAfter()
    {
        var options = SimulatorServer.DefaultOptions();
        options.RequestsPerSecond = 0.5;
        options.Burst = 1;
        var server = await Start(options, realTime: true);
        var channel = Own(TikiHarness.Create(server.BaseUrl, server.Tokens()));

        await channel.Client.FindBySellerSkuAsync(["OCOP-1"], Ct);
        var error = await Assert.ThrowsAsync<MarketplaceException>(() => channel.Client.FindBySellerSkuAsync(["OCOP-1"], Ct));

        Assert.Equal(TimeSpan.FromSeconds(2), Assert.IsType<MarketplaceError.RateLimited>(error.Error).RetryAfter);
    }

    [Fact]
    public async Task PageItemsAsync_MoreProductsThanTheCap_AllArePagedBackThroughSmallerWindows()
    {
        // Arrange: a cap of 3 results per query, 7 products updated a minute apart.
        var options = SimulatorServer.DefaultOptions();
        options.ReviewStepDelay = TimeSpan.Zero;
        options.MaxResults = 3;
        var server = await Start(options);
        var channel = Own(TikiHarness.Create(server.BaseUrl, server.Tokens(), new Dictionary<string, string?> { [TikiHarness.Key("Tiki:ListResultCap")] = "3" }));
        foreach (var n in Enumerable.Range(1, 7))
        {
            var created = await channel.Client.CreateAsync([Listings.Create($"OCOP-{n}", 100_000 + n)], Ct);
            await channel.Reviews.TrackReviewsAsync([created[0].ReviewTicket!], Ct);
            server.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        // Act
        var items = new List<RemoteItem>();
        await foreach (var item in channel.Client.PageItemsAsync("OCOP-", Ct))
        {
            items.Add(item);
        }

        // Assert
        Assert.Equal(Enumerable.Range(1, 7).Select(n => $"OCOP-{n}"), items.Select(i => i.SellerSku).Order(StringComparer.Ordinal));
        Assert.True(server.Simulator.Calls("GET /integration/v2.1/products") > 7, "the windows were split");
        Assert.All(items, i => Assert.Equal(100_000 + int.Parse(i.SellerSku[5..], System.Globalization.CultureInfo.InvariantCulture), i.PriceVnd));
    }

    private async Task<SimulatorServer> Start(Sandbox.Tiki.TikiSimulatorOptions? options = null, bool realTime = false)
    {
        var server = await SimulatorServer.StartAsync(options, realTime);
        _owned.Add(server);
        return server;
    }

    private TikiHarness Own(TikiHarness harness)
    {
        _owned.Insert(0, harness);
        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }
    }
}
