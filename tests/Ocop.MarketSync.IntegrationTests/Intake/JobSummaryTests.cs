using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Registry;
using Ocop.MarketSync.Sandbox.Registry;
using Ocop.MarketSync.Sync.Intake.Jobs;
using Ocop.MarketSync.Sync.Jobs;
using Ocop.MarketSync.Sync.Listings.Jobs;

namespace Ocop.MarketSync.IntegrationTests.Intake;

/// <summary>Jobs explain themselves on Hangfire's job page: a summary line as their result, a human message on failure.</summary>
public sealed class JobSummaryTests(PostgresServer postgres)
{
    [Fact]
    public async Task RegistryPullAndPush_ReturnWhatTheyDid_AFailedPullSaysSoInPlainWordsFirst()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 1, pageSize: 20);

        var pulled = await harness.WithServicesAsync(sp => sp.GetRequiredService<RegistryPullJob>().RunAsync(TestContext.Current.CancellationToken));
        var pushed = await harness.WithServicesAsync(sp => sp.GetRequiredService<PushChannelJob>().RunAsync("ch-0", TestContext.Current.CancellationToken));

        Assert.StartsWith("Succeeded: 60 record(s) on ", pulled, StringComparison.Ordinal);
        var products = await harness.ProductsAsync();
        Assert.Contains($"{products.Count(p => p.Outcome == Ocop.MarketSync.Data.Entities.ProductOutcome.Eligible)} eligible, "
            + $"{products.Count(p => p.Outcome == Ocop.MarketSync.Data.Entities.ProductOutcome.Ineligible)} ineligible", pulled, StringComparison.Ordinal);
        Assert.Matches(@"^Claimed \d+: \d+ created", pushed);

        harness.Registry.Change("REG-00002", p => p["stock"] = 7);
        harness.Registry.Faults.Add(new RegistryFaultRule(RegistryFault.ServerError, int.MaxValue));
        var failure = await Assert.ThrowsAsync<JobFailedException>(() =>
            harness.WithServicesAsync(sp => sp.GetRequiredService<RegistryPullJob>().RunAsync(TestContext.Current.CancellationToken)));

        Assert.StartsWith("Registry unreachable: ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 500", failure.Message, StringComparison.Ordinal);
        Assert.Contains("the next scheduled pull catches up", failure.Message, StringComparison.Ordinal);
        Assert.IsType<RegistryPageException>(failure.InnerException);
        Assert.StartsWith("Ocop.MarketSync.Sync.Jobs.JobFailedException: Registry unreachable", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PushRun_IsKeptPerChannelWithItsCounts_AnIdleRunLeavesItAlone()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 1, pageSize: 20);
        await harness.PullAsync();

        var line = await harness.WithServicesAsync(sp => sp.GetRequiredService<PushChannelJob>().RunAsync("ch-0", TestContext.Current.CancellationToken));
        var kept = await harness.QueryAsync(db => db.ChannelPushRuns.AsNoTracking().SingleAsync(r => r.ChannelId == "ch-0"));

        // The row is the run's own summary: the job's line on Hangfire says the same numbers.
        Assert.True(kept.Created > 0, line);
        Assert.Equal(JobSummaries.Of(new Ocop.MarketSync.Sync.Listings.Push.PushSummary
        {
            Claimed = kept.Claimed, Created = kept.Created, Adopted = kept.Adopted, Updated = kept.Updated, Failed = kept.Failed,
            Throttled = kept.Throttled, Calls = kept.Calls, WriteBacks = kept.WriteBacks,
        }), line);
        Assert.True(kept.FinishedAt >= kept.StartedAt);

        // Pushed until nothing is left (by the pusher itself, not the job), a minute later the job's idle run does not
        // replace the useful one.
        await harness.PushUntilSettledAsync(40, "ch-0");
        var settled = kept;
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var idle = await harness.WithServicesAsync(sp => sp.GetRequiredService<PushChannelJob>().RunAsync("ch-0", TestContext.Current.CancellationToken));
        var after = await harness.QueryAsync(db => db.ChannelPushRuns.AsNoTracking().SingleAsync(r => r.ChannelId == "ch-0"));

        Assert.StartsWith("Claimed 0:", idle, StringComparison.Ordinal);
        Assert.Equal(settled.FinishedAt, after.FinishedAt);
        Assert.Equal(settled.Created, after.Created);
        Assert.Equal(1, await harness.QueryAsync(db => db.ChannelPushRuns.CountAsync()));
    }
}
