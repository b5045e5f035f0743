using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sync.Listings;

namespace Ocop.MarketSync.IntegrationTests.Listings;

/// <summary>A price jump above the channel's threshold waits for staff; approved, it is pushed.</summary>
public sealed class PriceHoldTests(PostgresServer postgres)
{
    [Fact]
    public async Task Push_PriceJumpAboveThreshold_IsHeldUntilStaffApprove()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 1);
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();

        // 215,000 → 2,150,000: one zero too many in the registry.
        harness.Registry.Change("REG-00002", p => p["priceVnd"] = 2_150_000);
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();

        var held = (await harness.ListingsAsync("ch-0")).Single(l => l.RegistryId == "REG-00002");
        Assert.Equal(215_000, Assert.Single(harness.Marketplace("ch-0").FindBySku("OCOP-REG-00002")).PriceVnd);
        Assert.Equal((215_000L, 2_150_000L), (held.Desired.PriceVnd, held.Desired.HeldPriceVnd));
        Assert.Contains(held.Desired.Reasons, r => r.Code == "price.held" && r.Message.Contains("2,150,000", StringComparison.Ordinal));

        await harness.WithServicesAsync(sp => sp.GetRequiredService<PriceApprovals>().ApproveAsync(held.Id, TestContext.Current.CancellationToken));
        await harness.PushUntilSettledAsync();
        harness.Registry.Change("REG-00002", p => p["stock"] = 800);
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();

        Assert.Equal(2_150_000, Assert.Single(harness.Marketplace("ch-0").FindBySku("OCOP-REG-00002")).PriceVnd);
        var approved = (await harness.ListingsAsync("ch-0")).Single(l => l.RegistryId == "REG-00002");
        Assert.Null(approved.Desired.HeldPriceVnd);
        Assert.DoesNotContain(approved.Desired.Reasons, r => r.Code == "price.held");
    }

    [Fact]
    public async Task Plan_HeldPriceChangesAgain_ShowsTheLatestHeldPrice()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 1);
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();

        harness.Registry.Change("REG-00002", p => p["priceVnd"] = 2_150_000);
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();
        harness.Registry.Change("REG-00002", p => p["priceVnd"] = 3_000_000);
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();

        var held = (await harness.ListingsAsync("ch-0")).Single(l => l.RegistryId == "REG-00002");
        Assert.Equal((215_000L, 3_000_000L), (held.Desired.PriceVnd, held.Desired.HeldPriceVnd));
        Assert.Contains(held.Desired.Reasons, r => r.Code == "price.held" && r.Message.Contains("3,000,000", StringComparison.Ordinal));
    }
}
