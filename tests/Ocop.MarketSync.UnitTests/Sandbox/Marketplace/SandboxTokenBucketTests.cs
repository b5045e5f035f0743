using Microsoft.Extensions.Time.Testing;
using Ocop.MarketSync.Sandbox.Marketplace;

namespace Ocop.MarketSync.UnitTests.Sandbox.Marketplace;

public sealed class SandboxTokenBucketTests
{
    [Fact]
    public void TryTake_BurstUsedUp_RefusesAndSaysWhenTheNextTokenIsDue()
    {
        // Arrange
        var time = new FakeTimeProvider();
        var bucket = new SandboxTokenBucket(ratePerSecond: 10, burst: 3, time);

        // Act
        var taken = Enumerable.Range(0, 3).Count(i => bucket.TryTake(out _));
        var refused = !bucket.TryTake(out var retryAfter);

        // Assert
        Assert.Equal(3, taken);
        Assert.True(refused);
        Assert.Equal(TimeSpan.FromMilliseconds(100), retryAfter);
    }

    [Fact]
    public void TryTake_AfterTheRefillTime_AcceptsAgainButNotBeyondTheBurst()
    {
        // Arrange
        var time = new FakeTimeProvider();
        var bucket = new SandboxTokenBucket(ratePerSecond: 10, burst: 2, time);
        bucket.TryTake(out _);
        bucket.TryTake(out _);

        // Act: an hour refills the bucket, but only to its size.
        time.Advance(TimeSpan.FromHours(1));
        var taken = Enumerable.Range(0, 5).Count(i => bucket.TryTake(out _));

        // Assert
        Assert.Equal(2, taken);
    }

    [Fact]
    public void TryTake_RateZero_NeverRefuses()
    {
        // Arrange
        var bucket = new SandboxTokenBucket(ratePerSecond: 0, burst: 1, new FakeTimeProvider());

        // Act
        var taken = Enumerable.Range(0, 1000).Count(i => bucket.TryTake(out _));

        // Assert
        Assert.Equal(1000, taken);
    }
}
