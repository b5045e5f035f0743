using Ocop.MarketSync.Sync.Jobs;

namespace Ocop.MarketSync.UnitTests.Jobs;

public sealed class ProcessRunLocksTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(100);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TryAcquire_Held_OthersWaitThenGetNull_ReleasedTwiceFreesOnce()
    {
        var locks = new ProcessRunLocks();
        var held = await locks.TryAcquireAsync("push:ch-1", Short, Ct);
        Assert.NotNull(held);
        Assert.Null(await locks.TryAcquireAsync("push:ch-1", Short, Ct));
        await using (var other = await locks.TryAcquireAsync("push:ch-2", Short, Ct))
        {
            Assert.NotNull(other);
        }

        await held.DisposeAsync();
        await held.DisposeAsync();
        var again = await locks.TryAcquireAsync("push:ch-1", Short, Ct);
        Assert.NotNull(again);
        // A second release of the first holder must not have freed the lock the second holder has now.
        Assert.Null(await locks.TryAcquireAsync("push:ch-1", Short, Ct));
        await again.DisposeAsync();
    }

    [Fact]
    public async Task TryAcquire_ReleasedDuringTheWait_GetsIt()
    {
        var locks = new ProcessRunLocks();
        var held = await locks.TryAcquireAsync("intake", Short, Ct);
        var waiting = locks.TryAcquireAsync("intake", TimeSpan.FromSeconds(5), Ct);
        Assert.False(waiting.IsCompleted);
        await held!.DisposeAsync();
        await using var taken = await waiting;
        Assert.NotNull(taken);
    }
}
