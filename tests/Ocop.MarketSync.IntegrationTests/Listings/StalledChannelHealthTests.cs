using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Ocop.MarketSync.Api.Health;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sync.Listings.Planning;

namespace Ocop.MarketSync.IntegrationTests.Listings;

/// <summary>Readiness says a channel is blocked when it has listings due and none of them moved for too long — and only then.</summary>
public sealed class StalledChannelHealthTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Check_DueListingsUntouchedPastTheLimit_DegradedNamingTheChannel_HealthyOncePushed()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 2);
        await harness.PullAsync();
        await harness.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<ListingPlanner>().PlanChangedAsync("ch-0", Ct);
            await sp.GetRequiredService<ListingPlanner>().PlanChangedAsync("ch-1", Ct);
            return 0;
        });
        await harness.PushUntilSettledAsync(channelIds: "ch-1");

        var planned = IntakeHarness.ReferenceNow;
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(harness, planned.AddMinutes(9))).Status);
        var blocked = await CheckAsync(harness, planned.AddMinutes(11));
        Assert.Equal(HealthStatus.Degraded, blocked.Status);
        Assert.Matches(@"ch-0: \d+ listings due, none pushed since 2026-11-29T03:00:00Z", blocked.Description);
        Assert.DoesNotContain("ch-1", blocked.Description, StringComparison.Ordinal);

        await harness.PushUntilSettledAsync(channelIds: "ch-0");
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(harness, planned.AddMinutes(11))).Status);
    }

    private static Task<HealthCheckResult> CheckAsync(IntakeHarness harness, DateTimeOffset now) =>
        harness.WithServicesAsync(sp =>
        {
            // A fresh cache per probe: the 30-second memory is not what is tested here.
            var check = new StalledChannelsHealthCheck(
                sp.GetRequiredService<MarketSyncDbContext>(), new FakeTimeProvider(now), Options.Create(new HealthOptions()), new StalledChannelsHealthCheck.Cache());
            return check.CheckHealthAsync(new HealthCheckContext(), Ct);
        });
}
