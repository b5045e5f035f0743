using Ocop.MarketSync.Sync.Listings.Push;

namespace Ocop.MarketSync.UnitTests.Sync.Listings.Push;

/// <summary>
/// When a push tries another lane (the lanes wait for the marketplace and the pace is not reached), and when it keeps it
/// (the calls per second rose by a fair share of what a lane more brings): issue 11.
/// </summary>
public sealed class LaneGovernorTests
{
    [Fact]
    public void Decide_SlowMarketplaceBelowThePace_AddsALane()
    {
        // One lane, 150 ms answers: ~6 calls/s of a 45/s pace, on the wire 90 % of the time.
        Assert.True(LaneGovernor.Decide(lanes: 1, most: 8, rate: 6, wireLanes: 0.9, pacedRate: 45));
    }

    [Fact]
    public void Decide_MarketplaceAnswersAtOnce_NoLaneAdded()
    {
        // The engine is the bottleneck (2 ms on the wire of 50 ms per call): another lane would compete for the cores.
        Assert.False(LaneGovernor.Decide(lanes: 1, most: 8, rate: 20, wireLanes: 0.04, pacedRate: 45));
        // An embedded marketplace waiting for a core looks slow on the wire; the process using the cores gives it away.
        Assert.False(LaneGovernor.Decide(lanes: 1, most: 8, rate: 13, wireLanes: 0.67, pacedRate: 45, cpuBusy: 0.65));
    }

    [Fact]
    public void Decide_PaceReached_NoLaneAdded()
    {
        Assert.False(LaneGovernor.Decide(lanes: 6, most: 8, rate: 43, wireLanes: 5.7, pacedRate: 45));
    }

    [Fact]
    public void Decide_AtTheConfiguredBound_NoLaneAdded()
    {
        Assert.False(LaneGovernor.Decide(lanes: 8, most: 8, rate: 13, wireLanes: 7.7, pacedRate: 45));
    }

    [Fact]
    public void Decide_NothingAnsweredYet_WaitsForAMeasurement()
    {
        Assert.False(LaneGovernor.Decide(lanes: 1, most: 8, rate: 0, wireLanes: 0, pacedRate: 45));
    }

    [Fact]
    public void Keeps_LatencyBoundMarketplace_ASecondLaneNearlyDoublesTheCallsAndStays()
    {
        Assert.True(LaneGovernor.Keeps(lanesBefore: 1, rateBefore: 5.8, rateAfter: 11.1, pacedRate: 45));
        // Eight lanes to nine should bring +12.5 %; +7 % is jitter's worth short of it and still counts.
        Assert.True(LaneGovernor.Keeps(lanesBefore: 8, rateBefore: 36, rateAfter: 38.5, pacedRate: 45));
    }

    [Fact]
    public void Keeps_LoadedMachine_ALaneThatAddsNothingIsRetired()
    {
        // The answers wait for a core: two lanes make as many calls as one, and nine barely more than eight.
        Assert.False(LaneGovernor.Keeps(lanesBefore: 1, rateBefore: 14, rateAfter: 15, pacedRate: 45));
        Assert.False(LaneGovernor.Keeps(lanesBefore: 8, rateBefore: 36, rateAfter: 37, pacedRate: 45));
    }

    [Fact]
    public void Keeps_ThePaceReached_TheLaneStaysThoughTheGainIsSmall()
    {
        // The pace capped the gain, not the lanes: retiring one would fall back below the pace.
        Assert.True(LaneGovernor.Keeps(lanesBefore: 2, rateBefore: 40, rateAfter: 43, pacedRate: 45));
    }
}
