using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sync.Listings.Staff;

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

        await harness.WithServicesAsync(sp => sp.GetRequiredService<StaffActions>().ApprovePriceAsync(held.Id, "test", TestContext.Current.CancellationToken));
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

/// <summary>Staff decisions on held prices through the one staff service: per product on every channel, audited.</summary>
public sealed class StaffPriceDecisionTests(PostgresServer postgres)
{
    [Fact]
    public async Task ApproveProductPrice_HeldOnTwoChannels_OneDecisionPushesBothAndIsAudited()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 2);
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();
        harness.Registry.Change("REG-00002", p => p["priceVnd"] = 645_000);
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();
        Assert.All(new[] { "ch-0", "ch-1" }, ch => Assert.Equal(215_000, Assert.Single(harness.Marketplace(ch).FindBySku("OCOP-REG-00002")).PriceVnd));

        var outcomes = await harness.WithServicesAsync(sp =>
            sp.GetRequiredService<StaffActions>().ApproveProductPriceAsync("REG-00002", "lan.nguyen", TestContext.Current.CancellationToken));
        await harness.PushUntilSettledAsync();

        Assert.Equal(2, outcomes.Count(o => o.Done));
        Assert.All(new[] { "ch-0", "ch-1" }, ch => Assert.Equal(645_000, Assert.Single(harness.Marketplace(ch).FindBySku("OCOP-REG-00002")).PriceVnd));
        var audit = await harness.WithServicesAsync(sp => sp.GetRequiredService<Ocop.MarketSync.Data.MarketSyncDbContext>().StaffActions
            .Where(a => a.RegistryId == "REG-00002").ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["ch-0", "ch-1"], audit.Select(a => a.ChannelId).Order(StringComparer.Ordinal));
        Assert.All(audit, a => Assert.Equal(("lan.nguyen", StaffActionKinds.ApprovePrice, "215000 → 645000 VND"), (a.User, a.Action, a.Detail)));
    }

    [Fact]
    public async Task KeepOldPrice_ThePriceStaysAndTheSameNewPriceIsNotHeldAgain_ANewerOneIs()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 1);
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();
        harness.Registry.Change("REG-00002", p => p["priceVnd"] = 2_150_000);
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();

        await harness.WithServicesAsync(sp => sp.GetRequiredService<StaffActions>().KeepProductPriceAsync("REG-00002", "lan.nguyen", TestContext.Current.CancellationToken));
        harness.Registry.Change("REG-00002", p => p["stock"] = 801);
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();

        var kept = (await harness.ListingsAsync("ch-0")).Single(l => l.RegistryId == "REG-00002");
        Assert.Equal(215_000, Assert.Single(harness.Marketplace("ch-0").FindBySku("OCOP-REG-00002")).PriceVnd);
        Assert.Equal(801, Assert.Single(harness.Marketplace("ch-0").FindBySku("OCOP-REG-00002")).Stock);
        Assert.Null(kept.Desired.HeldPriceVnd);
        Assert.Contains(kept.Desired.Reasons, r => r.Code == "price.kept");
        Assert.DoesNotContain(kept.Desired.Reasons, r => r.Code == "price.held");

        harness.Registry.Change("REG-00002", p => p["priceVnd"] = 3_000_000);
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();
        var heldAgain = (await harness.ListingsAsync("ch-0")).Single(l => l.RegistryId == "REG-00002");
        Assert.Equal(3_000_000, heldAgain.Desired.HeldPriceVnd);
    }
}
