using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sandbox.Marketplace;

namespace Ocop.MarketSync.IntegrationTests.Listings;

/// <summary>The sync engine against sandbox marketplaces over HTTP on 127.0.0.1, on PostgreSQL.</summary>
public sealed class ListingSyncTests(PostgresServer postgres)
{
    [Fact]
    public async Task Push_SampleProducts_ConvergeOnThreeChannels()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 3);
        await harness.PullAsync();

        await harness.PushUntilSettledAsync();

        foreach (var channel in harness.Channels)
        {
            var listings = await harness.ListingsAsync(channel);
            var marketplace = harness.Marketplace(channel);
            Assert.Equal(60, listings.Count);
            SyncAssert.MarketplaceEqualsDesired(listings, marketplace);
            Assert.Equal(0, marketplace.DuplicateSkuCount);
            Assert.Equal(ListingState.Delisted, listings.Single(l => l.RegistryId == "REG-00008").State);
            Assert.Contains(listings.Single(l => l.RegistryId == "REG-00008").Desired.Reasons, r => r.Code == "certificate.expired");
            Assert.Contains(listings.Single(l => l.RegistryId == "REG-00021").Desired.Reasons, r => r.Code == "price.missing");
            Assert.Contains(listings.Single(l => l.RegistryId == "REG-00057").Desired.Reasons, r => r.Code == "channel.noServices");
            Assert.Empty(marketplace.FindBySku("OCOP-REG-00040"));
            Assert.All(listings.Where(l => l.Desired.Active), l => Assert.Equal(ListingState.Active, l.State));
        }
    }

    [Fact]
    public async Task Push_EmbeddedSqlitePath_ConvergesWithoutSkipLocked()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 1, sqlite: true);
        await harness.PullAsync();

        await harness.PushUntilSettledAsync();

        var listings = await harness.ListingsAsync("ch-0");
        SyncAssert.MarketplaceEqualsDesired(listings, harness.Marketplace("ch-0"));
        Assert.Equal(53, listings.Count(l => l.State == ListingState.Active));
    }

    [Fact]
    public async Task Push_RegistryPriceAndStockChanged_ReachTheMarketplace()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 1);
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();

        harness.Registry.Change("REG-00002", p =>
        {
            p["priceVnd"] = 229000;
            p["stock"] = 17;
        });
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();

        var item = Assert.Single(harness.Marketplace("ch-0").FindBySku("OCOP-REG-00002"));
        Assert.Equal((229000L, 17), (item.PriceVnd, item.Stock));
    }

    [Fact]
    public async Task Push_NothingChangedAfterARepull_MakesNoMarketplaceCall()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 1);
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();
        var before = SyncAssert.TotalCalls(harness.Marketplace("ch-0"));

        await harness.PullFullAsync();
        var summary = await harness.PushAsync("ch-0");

        Assert.Equal((0, 0), (summary.Claimed, summary.Calls));
        Assert.Equal(before, SyncAssert.TotalCalls(harness.Marketplace("ch-0")));
    }

    [Fact]
    public async Task Push_UnderServerErrorsLostResponsesAndRateLimits_EndsAsDesiredWithoutDuplicates()
    {
        var options = new MarketplaceSandboxOptions
        {
            Faults = new MarketplaceSandboxFaultOptions { ServerErrorRate = 0.05, ResponseLostRate = 0.02, Seed = 7 },
        };
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 2, marketplace: options);
        await harness.PullAsync();
        foreach (var channel in harness.Channels)
        {
            // Besides the random faults, each kind at least once where it hurts most: a create applied whose
            // answer is lost (the duplicate trap), a lookup answered 503, a stock update answered 503, a 429 burst.
            var faults = harness.Marketplace(channel).Faults;
            faults.Next(MarketplaceFault.ResponseLost, 1, MarketplaceSandboxEndpoint.BatchCreate);
            faults.Next(MarketplaceFault.ServerError, 1, MarketplaceSandboxEndpoint.FindBySku);
            faults.Next(MarketplaceFault.ServerError, 1, MarketplaceSandboxEndpoint.BatchUpdateStock);
            faults.RateLimitNext(3);
        }

        var rounds = await harness.PushUntilSettledAsync();
        Assert.True(rounds > 1, "the faults should have made at least one listing wait for a second round");
        foreach (var channel in harness.Channels)
        {
            // The lost create was resolved by lookup: every SKU exists once although a create was applied unseen.
            Assert.True(harness.Marketplace(channel).ItemsCreated >= (await harness.ListingsAsync(channel)).Count(l => l.Desired.Active));
        }

        var earlier = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var channel in harness.Channels)
        {
            earlier[channel] = (await harness.ListingsAsync(channel)).ToDictionary(l => l.SellerSku, l => l.Desired.Stock, StringComparer.Ordinal);
        }

        harness.Registry.Change("REG-00002", p => p["stock"] = 3);
        harness.Registry.Change("REG-00003", p => p["priceVnd"] = 450000);
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();

        foreach (var channel in harness.Channels)
        {
            var marketplace = harness.Marketplace(channel);
            var listings = await harness.ListingsAsync(channel);
            SyncAssert.MarketplaceEqualsDesired(listings, marketplace);
            Assert.Equal(0, marketplace.DuplicateSkuCount);
            SyncAssert.NoStockAboveDesiredEverSet(listings, marketplace, earlier[channel]);
        }
    }

    [Fact]
    public async Task Push_MarketplaceRejectsAListing_ItStopsRetryingAndShowsTheMessage()
    {
        var known = Enumerable.Range(1, 25).Where(set => set != 3).Select(set => $"cat-{set:00}").ToHashSet(StringComparer.Ordinal);
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 1, marketplace: new MarketplaceSandboxOptions { KnownCategories = known });
        await harness.PullAsync();

        await harness.PushUntilSettledAsync();
        var callsAfterSettling = SyncAssert.TotalCalls(harness.Marketplace("ch-0"));
        harness.Clock.Advance(TimeSpan.FromDays(2));
        var again = await harness.PushAsync("ch-0");

        var rejected = (await harness.ListingsAsync("ch-0")).Single(l => l.RegistryId == "REG-00002");
        Assert.Equal(ListingState.Rejected, rejected.State);
        Assert.Contains("cat-03", rejected.LastError, StringComparison.Ordinal);
        Assert.Equal(0, again.Claimed);
        Assert.Equal(callsAfterSettling, SyncAssert.TotalCalls(harness.Marketplace("ch-0")));
    }
}
