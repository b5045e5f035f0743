using Ocop.MarketSync.Sandbox.Marketplace;

namespace Ocop.MarketSync.UnitTests.Sandbox.Marketplace;

public sealed class MarketplaceSandboxFaultsTests
{
    private static List<MarketplaceFault?> Draw(MarketplaceSandboxFaults faults, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => faults.Decide(MarketplaceSandboxEndpoint.BatchUpdateStock).Fault)];

    [Fact]
    public void Decide_SameSeedAndRates_SameFaultsAndLatencies()
    {
        // Arrange
        var options = new MarketplaceSandboxFaultOptions
        {
            Seed = 7, ServerErrorRate = 0.2, TimeoutRate = 0.1, ResponseLostRate = 0.2, LatencyJitter = TimeSpan.FromMilliseconds(50),
        };

        // Act
        var first = new MarketplaceSandboxFaults(options);
        var second = new MarketplaceSandboxFaults(options);
        var a = Enumerable.Range(0, 200).Select(_ => first.Decide(MarketplaceSandboxEndpoint.BatchCreate)).ToList();
        var b = Enumerable.Range(0, 200).Select(_ => second.Decide(MarketplaceSandboxEndpoint.BatchCreate)).ToList();

        // Assert
        Assert.Equal(a, b);
        Assert.Contains(a, d => d.Fault == MarketplaceFault.ServerError);
        Assert.Contains(a, d => d.Fault == MarketplaceFault.Timeout);
        Assert.Contains(a, d => d.Fault == MarketplaceFault.ResponseLost);
        Assert.Contains(a, d => d.Fault is null);
        Assert.All(a, d => Assert.InRange(d.Delay, TimeSpan.Zero, TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public void Decide_RatesOfAThousandRequests_HitRoughlyTheirShare()
    {
        // Arrange
        var faults = new MarketplaceSandboxFaults(new MarketplaceSandboxFaultOptions { ServerErrorRate = 0.1, ResponseLostRate = 0.05 });

        // Act
        var drawn = Draw(faults, 1000);

        // Assert
        Assert.InRange(drawn.Count(f => f == MarketplaceFault.ServerError), 70, 130);
        Assert.InRange(drawn.Count(f => f == MarketplaceFault.ResponseLost), 30, 70);
        Assert.DoesNotContain(drawn, f => f == MarketplaceFault.Timeout);
    }

    [Fact]
    public void Next_ForOneEndpoint_HitsOnlyThatEndpointAndOnlyCountTimes()
    {
        // Arrange
        var faults = new MarketplaceSandboxFaults(new MarketplaceSandboxFaultOptions());
        faults.Next(MarketplaceFault.ResponseLost, 2, MarketplaceSandboxEndpoint.BatchCreate);

        // Act
        var other = faults.Decide(MarketplaceSandboxEndpoint.FindBySku).Fault;
        var creates = Enumerable.Range(0, 3).Select(_ => faults.Decide(MarketplaceSandboxEndpoint.BatchCreate).Fault).ToList();

        // Assert
        Assert.Null(other);
        Assert.Equal([MarketplaceFault.ResponseLost, MarketplaceFault.ResponseLost, null], creates);
    }

    [Fact]
    public void RateLimitNext_Burst_TheNextRequestsOfAnyEndpointAreRefused()
    {
        // Arrange
        var faults = new MarketplaceSandboxFaults(new MarketplaceSandboxFaultOptions { RateLimitedRetryAfter = TimeSpan.FromSeconds(3) });

        // Act
        faults.RateLimitNext(3);
        var decisions = Enumerable.Range(0, 4).Select(_ => faults.Decide(MarketplaceSandboxEndpoint.PageItems)).ToList();

        // Assert
        Assert.Equal([MarketplaceFault.RateLimited, MarketplaceFault.RateLimited, MarketplaceFault.RateLimited, null], decisions.Select(d => d.Fault));
        Assert.Equal(TimeSpan.FromSeconds(3), decisions[0].RetryAfter);
    }

    [Fact]
    public void Clear_AfterRatesAndQueuedFaults_NoFaultsAndNoLatency()
    {
        // Arrange
        var faults = new MarketplaceSandboxFaults(new MarketplaceSandboxFaultOptions { ServerErrorRate = 1, Latency = TimeSpan.FromSeconds(1) });
        faults.Next(MarketplaceFault.Timeout, 5);

        // Act
        faults.Clear();

        // Assert
        Assert.All(Enumerable.Range(0, 20).Select(_ => faults.Decide(MarketplaceSandboxEndpoint.BatchCreate)),
            d => Assert.Equal((null, TimeSpan.Zero), (d.Fault, d.Delay)));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void ServerErrorRate_OutsideZeroToOne_Throws(double rate)
    {
        // Arrange
        var faults = new MarketplaceSandboxFaults(new MarketplaceSandboxFaultOptions());

        // Act
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => faults.ServerErrorRate = rate);

        // Assert
        Assert.StartsWith("ServerErrorRate is a fraction of requests, between 0 and 1.", ex.Message, StringComparison.Ordinal);
    }
}
