using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sync.Jobs;

namespace Ocop.MarketSync.IntegrationTests.Jobs;

/// <summary>
/// The shared "run again" / "already queued" flags on PostgreSQL and SQLite, under the concurrency they exist for: many
/// triggers at once (a burst of registry notifications on several nodes) must queue exactly one run.
/// </summary>
public sealed class RunRequestsTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TrySet_ManyAtOnce_ExactlyOneCallerOwnsTheFlag_UntilItIsCleared(bool sqlite)
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres, sqlite: sqlite);

        // Each caller in its own scope, so each has its own connection, as separate requests or nodes would.
        var owners = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => harness.WithServicesAsync(sp =>
            sp.GetRequiredService<RunRequests>().TrySetAsync("queued:registry-pull", TimeSpan.FromMinutes(2), Ct))));

        Assert.Equal(1, owners.Count(o => o));
        Assert.True(await harness.WithServicesAsync(sp => sp.GetRequiredService<RunRequests>().ClearAsync("queued:registry-pull", Ct)));
        Assert.False(await harness.WithServicesAsync(sp => sp.GetRequiredService<RunRequests>().IsSetAsync("queued:registry-pull", Ct)));
        Assert.True(await harness.WithServicesAsync(sp =>
            sp.GetRequiredService<RunRequests>().TrySetAsync("queued:registry-pull", TimeSpan.FromMinutes(2), Ct)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Set_ManyAtOnce_LeavesOneFlagAndNeverFails(bool sqlite)
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres, sqlite: sqlite);

        await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => harness.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<RunRequests>().SetAsync("rerun:push:ch-0", Ct);
            return true;
        })));

        Assert.True(await harness.WithServicesAsync(sp => sp.GetRequiredService<RunRequests>().IsSetAsync("rerun:push:ch-0", Ct)));
        Assert.Equal(1, await harness.QueryAsync(db => Task.FromResult(db.RunRequests.Count())));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TrySet_AStaleFlagLeftByADeadNode_IsTakenOver(bool sqlite)
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres, sqlite: sqlite);
        Assert.True(await harness.WithServicesAsync(sp => sp.GetRequiredService<RunRequests>().TrySetAsync("queued:x", TimeSpan.FromMinutes(2), Ct)));

        // Fresh: held. Older than the stale limit (zero here): the next caller takes it over and owns the follow-up.
        Assert.False(await harness.WithServicesAsync(sp => sp.GetRequiredService<RunRequests>().TrySetAsync("queued:x", TimeSpan.FromMinutes(2), Ct)));
        Assert.True(await harness.WithServicesAsync(sp => sp.GetRequiredService<RunRequests>().TrySetAsync("queued:x", TimeSpan.Zero, Ct)));
    }
}
