namespace Ocop.MarketSync.Marketplaces.Tiki.Tests;

/// <summary>
/// A wall clock stopped at <paramref name="now"/> over real timers and timestamps: the paging windows are computed
/// from a known "now", while the channel's pacing (which waits on the provider's timers) still runs in real time.
/// A FakeTimeProvider would stop the pacing too, and the test would hang.
/// </summary>
internal sealed class FixedNowTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
