using Ocop.MarketSync.Sync.Listings.Push;

namespace Ocop.MarketSync.UnitTests.Sync.Listings.Push;

/// <summary>Exponential backoff from 30 s, doubled per attempt, half fixed and half jitter, capped at 2 h.</summary>
public sealed class RetryPolicyTests
{
    /// <summary>The step (the most a wait may be) of each attempt: 30 s × 2^(attempt − 1), at most 2 h.</summary>
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(5, 480)]
    [InlineData(8, 3840)]
    [InlineData(9, 7200)] // 7,680 s capped
    [InlineData(17, 7200)]
    [InlineData(50, 7200)]
    public void Backoff_ManySeeds_StaysWithinHalfStepAndStep(int attempt, int stepSeconds)
    {
        for (var seed = 0; seed < 200; seed++)
        {
            // Act
            var wait = RetryPolicy.Backoff(attempt, new Random(seed));

            // Assert
            Assert.InRange(wait.TotalSeconds, stepSeconds / 2.0, stepSeconds);
        }
    }

    [Fact]
    public void Backoff_SameSeed_IsTheSameWait()
    {
        // Act
        var first = RetryPolicy.Backoff(4, new Random(42));
        var second = RetryPolicy.Backoff(4, new Random(42));

        // Assert
        Assert.Equal(first, second);
    }

    [Fact]
    public void Backoff_SameRandomDraw_GrowsWithAttempts()
    {
        // Arrange: the same draw for every attempt, so only the step differs
        var waits = Enumerable.Range(1, 9).Select(a => RetryPolicy.Backoff(a, new Random(7))).ToList();

        // Assert: doubling up to the cap
        for (var i = 1; i < waits.Count - 1; i++)
        {
            Assert.Equal(waits[i - 1].TotalSeconds * 2, waits[i].TotalSeconds, 3);
        }

        Assert.True(waits[^1] > waits[^2]);
        Assert.True(waits[^1] <= RetryPolicy.Cap);
    }

    [Fact]
    public void Backoff_Attempt50_NeverAboveTheCap()
    {
        // Act: a draw at the very top of the range
        var wait = RetryPolicy.Backoff(50, new TopRandom());

        // Assert
        Assert.Equal(TimeSpan.FromHours(2), RetryPolicy.Cap);
        Assert.True(wait <= RetryPolicy.Cap, $"{wait}");
        Assert.True(wait >= TimeSpan.FromHours(1), $"{wait}");
    }

    [Fact]
    public void Backoff_SeededDraws_AreSpreadNotAllEqual()
    {
        // Act: one failed batch of 50 listings
        var random = new Random(3);
        var waits = Enumerable.Range(0, 50).Select(_ => RetryPolicy.Backoff(3, random)).ToList();

        // Assert: jitter spreads them over the upper half of the step
        Assert.True(waits.Distinct().Count() > 40);
        Assert.True(waits.Max() - waits.Min() > TimeSpan.FromSeconds(30));
    }

    /// <summary>Always the largest double below 1.</summary>
    private sealed class TopRandom : Random
    {
        public override double NextDouble() => Math.BitDecrement(1.0);

        protected override double Sample() => NextDouble();
    }
}
