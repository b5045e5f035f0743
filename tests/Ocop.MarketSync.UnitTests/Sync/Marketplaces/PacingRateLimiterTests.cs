using Microsoft.Extensions.Time.Testing;
using Ocop.MarketSync.Sync.Marketplaces.Pacing;

namespace Ocop.MarketSync.UnitTests.Sync.Marketplaces;

/// <summary>The channel's pace on a fake clock: the ceiling in any one-second window, the smooth pace, AIMD (issue 11).</summary>
public sealed class PacingRateLimiterTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task Acquire_ManyCallersAtOnce_NeverMoreThanTheRateInAnyOneSecondWindow()
    {
        // Arrange: 16 callers (lanes) asking as fast as they can for 300 permits at 50/s.
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var limiter = new PacingRateLimiter(50, time);
        var granted = new List<TimeSpan>();

        // Act
        var lanes = Enumerable.Range(0, 16).Select(async _ =>
        {
            for (var i = 0; i < 300 / 16; i++)
            {
                using var lease = await limiter.AcquireAsync(1, TestContext.Current.CancellationToken);
                lock (granted)
                {
                    granted.Add(time.GetUtcNow() - DateTimeOffset.UnixEpoch);
                }
            }
        }).ToList();
        await Drive(time, limiter, lanes);

        // Assert: at most 50 in any window [t, t + 1 s), and the pace is 90 % of the rate.
        granted.Sort();
        for (var first = 0; first + 50 < granted.Count; first++)
        {
            Assert.True(granted[first + 50] - granted[first] >= TimeSpan.FromSeconds(1),
                $"51 grants within {granted[first + 50] - granted[first]} from {granted[first]}");
        }

        var rate = (granted.Count - 1) / (granted[^1] - granted[0]).TotalSeconds;
        Assert.InRange(rate, 44.5, 45.5);
    }

    [Fact]
    public async Task Throttled_AStormOf429s_HalvesTheRateOnceThenRecoversAdditively()
    {
        // Arrange
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var limiter = new PacingRateLimiter(50, time);
        Assert.Equal(45, limiter.CurrentRequestsPerSecond, 3);

        // Act: eight calls in flight all come back 429 within the same second.
        for (var i = 0; i < 8; i++)
        {
            limiter.Throttled(retryAfter: null);
        }

        // Assert: halved once, not eight times; then +5/s per second (a tenth of the published rate) back to 45.
        Assert.Equal(22.5, limiter.CurrentRequestsPerSecond, 3);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(32.5, limiter.CurrentRequestsPerSecond, 3);
        limiter.Throttled(retryAfter: null);
        Assert.Equal(16.25, limiter.CurrentRequestsPerSecond, 3);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(45, limiter.CurrentRequestsPerSecond, 3);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Throttled_WithRetryAfter_NoPermitBeforeItHasPassed_EvenForCallersAlreadyWaiting()
    {
        // Arrange: a caller already holds a slot 20 ms ahead when the 429 with Retry-After: 2 arrives.
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var limiter = new PacingRateLimiter(50, time);
        using (await limiter.AcquireAsync(1, TestContext.Current.CancellationToken))
        {
        }

        var waiting = limiter.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask();
        limiter.Throttled(TimeSpan.FromSeconds(2));

        // Act
        var at = await Drive(time, limiter, [waiting]);

        // Assert
        Assert.True(at >= TimeSpan.FromSeconds(2), $"granted at {at}");
        Assert.True(at < TimeSpan.FromSeconds(2.2), $"granted at {at}");
    }

    [Fact]
    public void Construct_SlowRate_CeilingIsOneAndPaceFollowsTheRate()
    {
        var limiter = new PacingRateLimiter(0.5, new FakeTimeProvider());

        Assert.Equal(1, limiter.WindowLimit);
        Assert.Equal(0.45, limiter.CurrentRequestsPerSecond, 3);
    }

    /// <summary>
    /// Moves the fake clock a millisecond at a time until the callers are done, and only while every unfinished caller
    /// waits in the limiter: a caller that was just granted records its time before the clock moves on.
    /// </summary>
    /// <returns>The fake time elapsed when the last caller finished.</returns>
    private static async Task<TimeSpan> Drive(FakeTimeProvider time, PacingRateLimiter limiter, IReadOnlyList<Task> callers)
    {
        var all = Task.WhenAll(callers);
        var patience = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!all.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < patience, "the callers did not finish");
            if (limiter.GetStatistics()!.CurrentQueuedCount == callers.Count(c => !c.IsCompleted))
            {
                time.Advance(Step);
            }

            await Task.Yield();
        }

        await all;
        return time.GetUtcNow() - DateTimeOffset.UnixEpoch;
    }
}
