using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Jobs;
using Ocop.MarketSync.Sync.Listings.Jobs;
using Ocop.MarketSync.Sync.Listings.Planning;

namespace Ocop.MarketSync.IntegrationTests.Listings;

/// <summary>
/// The planning pass after an intake: every channel planned in one pass over the products, each under its push lock;
/// a channel being pushed is left to plan itself and asked to push.
/// </summary>
public sealed class PlanningPassTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pass_PlansEveryChannel_AsEachChannelAloneWould_AndAsksForThePushes()
    {
        var signal = new RecordingSignal();
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 3, configure: s => s.AddSingleton<IProductChangeSignal>(signal));
        await harness.PullAsync();
        // The fake clock stands still: the pass must start after the intake's changes and their commit overlap, as
        // it does in real time a few minutes after an intake.
        harness.Clock.Advance(ListingPlanner.CommitOverlap + TimeSpan.FromMinutes(1));

        var pass = await harness.WithServicesAsync(sp => sp.GetRequiredService<PlanningPass>().RunAsync(Ct));

        var products = (await harness.ProductsAsync()).Count;
        Assert.Equal(["ch-0", "ch-1", "ch-2"], pass.Channels.Keys.Order(StringComparer.Ordinal));
        Assert.All(pass.Channels.Values, r => Assert.Equal(products, r.Added));
        Assert.Empty(pass.Busy);
        Assert.Equal(["ch-0", "ch-1", "ch-2"], signal.Channels.Order(StringComparer.Ordinal));
        foreach (var channel in harness.Channels)
        {
            Assert.Equal(products, (await harness.ListingsAsync(channel)).Count);
        }

        // What the pass stored is what planning the channel alone computes: replanning all of it changes nothing.
        var again = await harness.WithServicesAsync(sp => sp.GetRequiredService<ListingPlanner>().PlanAsync("ch-0", null, Ct));
        Assert.Equal(0, again.Added);
        Assert.Equal(0, again.Changed);
        Assert.Equal(products, again.Unchanged);

        // The checkpoints moved: each push job's own plan finds nothing left to do.
        var own = await harness.WithServicesAsync(sp => sp.GetRequiredService<ListingPlanner>().PlanChangedAsync("ch-1", Ct));
        Assert.Equal((0, 0, 0), (own.Added, own.Changed, own.Unchanged));
    }

    [Fact]
    public async Task Pass_ChannelBeingPushed_IsNotPlannedHere_ItsPushJobIsAskedToRunAgain()
    {
        var signal = new RecordingSignal();
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 2, configure: s => s.AddSingleton<IProductChangeSignal>(signal));
        await harness.PullAsync();

        var pass = await harness.WithServicesAsync(async sp =>
        {
            // Another node's pusher holds ch-1 (its settles must not race a plan of the same listings).
            var locks = sp.GetRequiredService<IRunLocks>();
            await using var pusher = await locks.TryAcquireAsync(PushChannelJob.Resource("ch-1"), TimeSpan.Zero, Ct);
            Assert.NotNull(pusher);
            return await sp.GetRequiredService<PlanningPass>().RunAsync(Ct);
        });

        Assert.Equal(["ch-1"], pass.Busy);
        Assert.Equal(["ch-0"], pass.Channels.Keys);
        Assert.Empty(await harness.ListingsAsync("ch-1"));
        Assert.Contains("ch-1", signal.Channels);
        Assert.Contains("ch-0", signal.Channels);

        // Its push job plans it (the lock is free again).
        var own = await harness.WithServicesAsync(sp => sp.GetRequiredService<ListingPlanner>().PlanChangedAsync("ch-1", Ct));
        Assert.Equal((await harness.ProductsAsync()).Count, own.Added);
    }

    [Fact]
    public async Task Pass_PushTriggeredWhileItHeldTheLock_IsNotStranded()
    {
        var signal = new RecordingSignal();
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 1, configure: s => s.AddSingleton<IProductChangeSignal>(signal));
        await harness.PullAsync();
        await harness.WithServicesAsync(sp => sp.GetRequiredService<PlanningPass>().RunAsync(Ct));
        await harness.PushUntilSettledAsync(channelIds: "ch-0");
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        signal.Channels.Clear();

        // Nothing changed since, but a staff "push now" found the lock held by the pass and left its request.
        await harness.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<RunRequests>().SetAsync(ExclusiveRun.RerunKey(PushChannelJob.Resource("ch-0")), Ct);
            return 0;
        });
        var pass = await harness.WithServicesAsync(sp => sp.GetRequiredService<PlanningPass>().RunAsync(Ct));

        Assert.Equal(0, pass.Dirty);
        Assert.Equal(["ch-0"], signal.Channels);
    }

    private sealed class RecordingSignal : IProductChangeSignal
    {
        public List<string> Channels { get; } = [];

        public Task ProductsChangedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task ChannelChangedAsync(string channelId, CancellationToken cancellationToken)
        {
            lock (Channels)
            {
                Channels.Add(channelId);
            }

            return Task.CompletedTask;
        }

        public Task WriteBacksQueuedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
