using Ocop.MarketSync.Sync.Listings.Push;

namespace Ocop.MarketSync.UnitTests.Sync.Listings.Push;

/// <summary>When a push gets another lane: only when the lanes wait for the marketplace and the pace is not reached (issue 11).</summary>
public sealed class LaneGovernorTests
{
    [Fact]
    public void Decide_SlowMarketplaceBelowThePace_AddsALane()
    {
        // One lane, 150 ms answers: ~6 calls/s of a 45/s pace, on the wire 90 % of the time.
        Assert.True(LaneGovernor.Decide(lanes: 1, most: 8, calls: 2, wireSeconds: 0.27, seconds: 0.3, pacedRate: 45));
    }

    [Fact]
    public void Decide_MarketplaceAnswersAtOnce_NoLaneAdded()
    {
        // The engine is the bottleneck (2 ms on the wire of 50 ms per call): another lane would compete for the cores.
        Assert.False(LaneGovernor.Decide(lanes: 1, most: 8, calls: 6, wireSeconds: 0.012, seconds: 0.3, pacedRate: 45));
        // An embedded marketplace waiting for a core looks slow on the wire; the process using the cores gives it away.
        Assert.False(LaneGovernor.Decide(lanes: 1, most: 8, calls: 4, wireSeconds: 0.2, seconds: 0.3, pacedRate: 45, cpuBusy: 0.65));
    }

    [Fact]
    public void Decide_PaceReached_NoLaneAdded()
    {
        Assert.False(LaneGovernor.Decide(lanes: 6, most: 8, calls: 13, wireSeconds: 1.7, seconds: 0.3, pacedRate: 45));
    }

    [Fact]
    public void Decide_AtTheConfiguredBound_NoLaneAdded()
    {
        Assert.False(LaneGovernor.Decide(lanes: 8, most: 8, calls: 4, wireSeconds: 2.3, seconds: 0.3, pacedRate: 45));
    }

    [Fact]
    public void Decide_NothingAnsweredYet_WaitsForAMeasurement()
    {
        Assert.False(LaneGovernor.Decide(lanes: 1, most: 8, calls: 0, wireSeconds: 0, seconds: 0.3, pacedRate: 45));
    }
}
