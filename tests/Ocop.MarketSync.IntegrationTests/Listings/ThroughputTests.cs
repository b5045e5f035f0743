using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sandbox.Marketplace;
using Ocop.MarketSync.Sandbox.Registry;
using Ocop.MarketSync.Sync.Marketplaces.Pacing;

namespace Ocop.MarketSync.IntegrationTests.Listings;

/// <summary>
/// Pipelined, paced pushing (issue 11) against sandbox marketplaces that count what a real one would: arrivals per
/// one-second window, refusals for the rate, the order of each item's writes, updates of items not created yet.
/// </summary>
public sealed class ThroughputTests(PostgresServer postgres)
{
    private const string Channel = "ch-0";

    [Fact]
    public async Task Push_EightLanesAtARateOf20_NeverMoreThan20InAnyOneSecondWindowAndNoneRefused()
    {
        // Arrange: one item per create call, 150–200 ms per call: one lane alone would reach ~4 calls/s, so the push must
        // grow its lanes to use the rate.
        const int rate = 20;
        var marketplace = new MarketplaceSandboxOptions
        {
            RequestsPerSecond = rate,
            Burst = rate,
            Faults = new() { Latency = TimeSpan.FromMilliseconds(150), LatencyJitter = TimeSpan.FromMilliseconds(50) },
        };
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 1, marketplace: marketplace,
            registry: RegistrySandbox.GeneratedGoods(120), settings: Settings(("Sandbox:RequestsPerSecond", "20"), ("Sandbox:WriteBatchSize", "1"), ("MaxInFlight", "8")));
        await harness.PullAsync();

        // Act
        var summary = await harness.PushAsync(Channel);

        // Assert
        var market = harness.Marketplace(Channel);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"MEASURE {market.Arrivals} calls, {market.ArrivalRate():0.0}/s of {rate} ({market.ArrivalRateBetween(0.25, 0.9):0.0}/s warmed up), most in any 1 s: {market.MaxArrivalsInAnyWindow(TimeSpan.FromSeconds(1))}, refused {market.RefusedForRate}, in flight at most {market.MaxConcurrentRequests}");
        Assert.Equal(120, summary.Created);
        Assert.InRange(market.MaxArrivalsInAnyWindow(TimeSpan.FromSeconds(1)), 1, rate);
        Assert.Equal(0, market.RefusedForRate);
        Assert.InRange(market.MaxConcurrentRequests, 2, 8);
        // Warmed up it paces at 90 % of the rate. The first 2 s of this 9 s push go to growing the lanes one by one, each
        // kept only once it proved to raise the calls, which pulls the whole run's average down.
        Assert.True(market.ArrivalRateBetween(0.25, 0.9) >= 0.8 * rate, $"{market.ArrivalRateBetween(0.25, 0.9):0.0} calls/s warmed up");
        Assert.True(market.ArrivalRate() >= 0.7 * rate, $"{market.ArrivalRate():0.0} calls/s");
        Assert.Equal(0, market.DuplicateSkuCount);
    }

    [Fact]
    public async Task Push_ShopHandlesOneCallAtATime_LanesStopWhereTheyStopAddingCalls()
    {
        // Arrange: 100 ms per call, but the shop handles one call at a time. On the wire the lanes seem to wait for the
        // marketplace, as on a loaded machine where an answer waits for a core; yet beyond two lanes none brings a call more.
        var marketplace = new MarketplaceSandboxOptions
        {
            RequestsPerSecond = 0,
            Faults = new() { Latency = TimeSpan.FromMilliseconds(100), Workers = 1 },
        };
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 1, marketplace: marketplace,
            registry: RegistrySandbox.GeneratedGoods(90), settings: Settings(("Sandbox:WriteBatchSize", "1"), ("MaxInFlight", "8")));
        await harness.PullAsync();

        // Act
        var summary = await harness.PushAsync(Channel);

        // Assert: one lane leaves the shop idle while it commits, so a second one pays (10 calls/s, all the shop
        // handles); a third is tried, brings nothing, and is retired. Lanes that grew on time on the wire alone would
        // have reached 8.
        var market = harness.Marketplace(Channel);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"MEASURE {market.Arrivals} calls, {market.ArrivalRate():0.0}/s, lanes at most {summary.Lanes}, in flight at most {market.MaxConcurrentRequests}");
        Assert.Equal(90, summary.Created);
        Assert.InRange(summary.Lanes, 2, 3);
        Assert.InRange(market.MaxConcurrentRequests, 2, 3);
        Assert.True(market.ArrivalRate() >= 7, $"{market.ArrivalRate():0.0} calls/s of the 10 the shop handles");
        Assert.Equal(0, market.DuplicateSkuCount);
    }

    [Fact]
    public async Task Push_PipelinedUnderLostAnswersAndServerErrors_NoDuplicatesAndEveryItemWrittenInOrder()
    {
        // Arrange: 5 % of calls answered 503 (nothing applied), 5 % applied with the answer lost; up to 8 lanes, and
        // answers slow enough (150–200 ms) that the push runs several of them.
        var marketplace = new MarketplaceSandboxOptions
        {
            RequestsPerSecond = 0,
            Faults = new() { ServerErrorRate = 0.05, ResponseLostRate = 0.05, Latency = TimeSpan.FromMilliseconds(150), LatencyJitter = TimeSpan.FromMilliseconds(50) },
        };
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 1, marketplace: marketplace,
            registry: RegistrySandbox.GeneratedGoods(150), settings: Settings(("Sandbox:WriteBatchSize", "1"), ("MaxInFlight", "8")));
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();
        var firstDesired = (await harness.ListingsAsync(Channel)).ToDictionary(l => l.SellerSku, l => l.Desired.Stock, StringComparer.Ordinal);

        // Act: every price and stock changes; pushed again through the same faults.
        foreach (var i in Enumerable.Range(0, 150))
        {
            harness.Registry.Change($"BEN-{i:D6}", p =>
            {
                p["priceVnd"] = 90000 + (i * 1000);
                p["stock"] = i % 7;
            });
        }

        await harness.PullAsync();
        await harness.PushUntilSettledAsync();

        // Assert
        var market = harness.Marketplace(Channel);
        var listings = await harness.ListingsAsync(Channel);
        Assert.Equal(0, market.DuplicateSkuCount);
        Assert.Equal(150, market.Items.Count);
        SyncAssert.MarketplaceEqualsDesired(listings, market);
        SyncAssert.NoStockAboveDesiredEverSet(listings, market, firstDesired);
        Assert.True(market.MaxConcurrentRequests >= 2, "never more than one call in flight: not pipelined");
        // Never an update before the create (the sandbox answers not found) nor a second create of one item.
        Assert.Equal(0, market.UpdatesOfUnknownItems);
        Assert.All(listings, l =>
        {
            var writes = market.WritesOf(l.SellerSku);
            Assert.Equal("create", writes[0]);
            Assert.Single(writes, w => w == "create");
        });
    }

    [Fact]
    public async Task Push_BatchesOutlastTheirClaimLease_TheLeaseIsRenewedAndNoItemIsCreatedTwice()
    {
        // Arrange: one item per create, 100 ms per call, a 5 s lease; the engine's clock runs 10 times faster than the
        // marketplace's answers, so every claimed batch lasts several leases. A lease let run out would let another lane
        // claim the rest of the batch, miss the items by SKU (not created yet) and create them a second time.
        var marketplace = new MarketplaceSandboxOptions
        {
            RequestsPerSecond = 0,
            Faults = new() { Latency = TimeSpan.FromMilliseconds(100) },
        };
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 1, marketplace: marketplace,
            registry: RegistrySandbox.GeneratedGoods(80),
            settings: Settings(("Sandbox:WriteBatchSize", "1"), ("Sandbox:RequestsPerSecond", "1000"), ("MaxInFlight", "4"), ("ClaimLease", "00:00:05")));
        await harness.PullAsync();

        // Act
        var push = harness.PushAsync(Channel);
        while (!push.IsCompleted)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            harness.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var summary = await push;

        // Assert
        var market = harness.Marketplace(Channel);
        TestContext.Current.TestOutputHelper?.WriteLine($"MEASURE {summary.Created} created, {summary.Lanes} lanes at most, {market.Arrivals} calls");
        Assert.True(summary.Lanes >= 2, "one lane alone cannot take another's listings");
        Assert.Equal(0, market.DuplicateSkuCount);
        Assert.Equal(80, market.Items.Count);
        Assert.Equal(80, summary.Created + summary.Adopted);
        Assert.Equal(80, await harness.QueryAsync(db => db.Listings.CountAsync(l => l.State == ListingState.Active && l.ClaimedUntil == null, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Push_DailyCreateQuota_TheRestWaitsForTheNextDayWithoutAttempts()
    {
        // Arrange: 53 sample products to list, 20 creates a day.
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 1,
            settings: Settings(("Sandbox:DailyCreateQuota", "20"), ("MaxInFlight", "4")));
        await harness.PullAsync();
        var market = harness.Marketplace(Channel);

        // Act + Assert: day 1.
        var first = await harness.PushAsync(Channel);
        Assert.Equal(20, first.Created);
        Assert.Equal((33, 0), (first.Deferred, first.Failed));
        Assert.Equal(20, market.Items.Count);
        var waiting = (await harness.ListingsAsync(Channel)).Where(l => l.Desired.Active && l.RemoteId is null).ToList();
        Assert.Equal(33, waiting.Count);
        // Midnight in Vietnam (UTC+7) after 2026-11-29 10:00 there.
        var nextDay = new DateTime(2026, 11, 29, 17, 0, 0, DateTimeKind.Utc);
        Assert.All(waiting, l =>
        {
            Assert.Equal(nextDay, l.NextAttemptAt);
            Assert.Equal(0, l.AttemptCount);
            Assert.Contains("Daily create quota of 20", l.LastError, StringComparison.Ordinal);
            Assert.Equal(ListingState.Pending, l.State);
        });

        // Later the same day nothing is tried: no call reaches the marketplace.
        harness.Clock.Advance(TimeSpan.FromHours(3));
        var calls = market.Arrivals;
        var later = await harness.PushAsync(Channel);
        Assert.Equal(0, later.Claimed);
        Assert.Equal(calls, market.Arrivals);

        // Day 2 (01:00 in Vietnam) and day 3.
        harness.Clock.Advance(TimeSpan.FromHours(12));
        Assert.Equal(20, (await harness.PushAsync(Channel)).Created);
        Assert.Equal(40, market.Items.Count);
        harness.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(13, (await harness.PushAsync(Channel)).Created);
        Assert.Equal(53, await harness.QueryAsync(db => db.Listings.CountAsync(l => l.State == ListingState.Active, TestContext.Current.CancellationToken)));
        Assert.Equal(0, market.DuplicateSkuCount);
    }

    [Fact]
    public async Task Push_MarketplaceAllowsAQuarterOfThePublishedRate_Its429sSlowTheChannelAndEveryItemArrivesOnce()
    {
        // Arrange: the shop really allows 5 calls/s, the channel believes 20 (a published limit that is wrong, or a
        // marketplace lowering it): a 429 storm unless the pace learns from the refusals.
        var marketplace = new MarketplaceSandboxOptions { RequestsPerSecond = 5, Burst = 5 };
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 1, marketplace: marketplace,
            registry: RegistrySandbox.GeneratedGoods(60), settings: Settings(("Sandbox:RequestsPerSecond", "20"), ("Sandbox:WriteBatchSize", "1"), ("MaxInFlight", "4")));
        await harness.PullAsync();
        var market = harness.Marketplace(Channel);
        var published = await harness.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<ChannelPacers>().For(Channel).Requests.CurrentRequestsPerSecond));

        // Act
        var first = await harness.PushAsync(Channel);
        var slowed = await harness.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<ChannelPacers>().For(Channel).Requests.CurrentRequestsPerSecond));
        await harness.PushUntilSettledAsync(channelIds: Channel);

        // Assert: refusals were met by a slower pace, not by more calls: halved (18 -> 9), then a little back by the
        // additive increase while the run went on (8.6-9.5/s measured when read).
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"MEASURE pace {published:0.0}/s -> {slowed:0.0}/s after the first run; {market.Arrivals} calls, refused {market.RefusedForRate}, throttled in the first run {first.Throttled}");
        Assert.True(first.Throttled > 0, "The marketplace refused nothing: the test does not test the storm.");
        Assert.True(slowed <= published * 0.6, $"Pace {published:0.0}/s -> {slowed:0.0}/s");
        Assert.True(market.RefusedForRate < market.Arrivals / 2, $"{market.RefusedForRate} of {market.Arrivals} calls refused");
        Assert.Equal(60, market.Items.Count);
        Assert.Equal(0, market.DuplicateSkuCount);
    }

    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] values) =>
        values.ToDictionary(v => $"Channels:{Channel}:{v.Key}", v => (string?)v.Value, StringComparer.Ordinal);
}
