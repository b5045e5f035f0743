using System.Diagnostics;
using Ocop.MarketSync.Sync.Marketplaces.Pacing;

namespace Ocop.MarketSync.Sync.Listings.Push;

/// <summary>
/// Decides while a channel is pushed whether one more lane would help. A push starts with one lane and gets another
/// while the calls fall short of the channel's pace and the lanes spend most of their time waiting for the
/// marketplace — then a lane more means more calls in flight. When the lanes are busy in the engine instead (a
/// marketplace that answers at once, a loaded machine), another lane would only compete for the same cores and
/// connections, so none is added: "as many as latency × rate needs", measured rather than configured, with
/// <c>Channels:{id}:MaxInFlight</c> as the bound.
/// </summary>
internal sealed class LaneGovernor(ChannelPace pace, int most)
{
    /// <summary>How often the lanes are looked at; at most one lane is added per look.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(300);

    /// <summary>Calls at this share of the pace or more: the pace is the limit, not the lanes (a lane more would queue in the pace).</summary>
    public const double PaceBoundShare = 0.95;

    /// <summary>
    /// Lanes on the wire this share of their time or more wait for the marketplace enough that one more pays: a lane
    /// also spends time claiming and committing (measured ~100–200 ms per one-item call on a loaded 2-core machine),
    /// and a marketplace answering at once keeps this near 0.
    /// </summary>
    public const double WaitingShare = 0.2;

    private long _answered = pace.Answered;
    private long _wireTicks = pace.WireTicks;
    private long _at = Stopwatch.GetTimestamp();

    /// <summary>Looks at the calls answered since the last look; true when <paramref name="lanes"/> + 1 would push faster.</summary>
    public bool WantsAnother(int lanes)
    {
        var now = Stopwatch.GetTimestamp();
        var answered = pace.Answered;
        var wireTicks = pace.WireTicks;
        var wants = Decide(lanes, most, answered - _answered, (double)(wireTicks - _wireTicks) / Stopwatch.Frequency,
            (double)(now - _at) / Stopwatch.Frequency, pace.Requests.CurrentRequestsPerSecond);
        (_answered, _wireTicks, _at) = (answered, wireTicks, now);
        return wants;
    }

    /// <summary>The decision on what was measured over <paramref name="seconds"/>: pure, so it is unit-tested as is.</summary>
    internal static bool Decide(int lanes, int most, long calls, double wireSeconds, double seconds, double pacedRate)
    {
        if (lanes >= most || seconds <= 0 || calls == 0)
        {
            return false;
        }

        if (calls / seconds >= PaceBoundShare * pacedRate)
        {
            return false;
        }

        return wireSeconds / (lanes * seconds) >= WaitingShare;
    }
}
