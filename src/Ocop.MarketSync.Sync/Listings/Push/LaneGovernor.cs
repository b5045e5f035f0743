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
    /// Lanes on the wire this share of their time or more wait for the marketplace enough that one more pays. Measured
    /// on the 2-core machine: 0.6–0.8 against a marketplace answering in 150–200 ms, 0.1–0.3 against the embedded
    /// sandboxes, which answer at once but share the cores (their time on the wire is their wait for a core).
    /// </summary>
    public const double WaitingShare = 0.4;

    /// <summary>
    /// The process using this share of all cores or more is bound by them: a marketplace sharing the machine (the
    /// embedded sandboxes) looks slow on the wire because it waits for a core, and another lane would make that worse.
    /// </summary>
    public const double CpuBoundShare = 0.6;

    private long _answered = pace.Answered;
    private long _wireTicks = pace.WireTicks;
    private long _at = Stopwatch.GetTimestamp();
    private TimeSpan _cpu = Environment.CpuUsage.TotalTime;

    /// <summary>Looks at the calls answered since the last look; true when <paramref name="lanes"/> + 1 would push faster.</summary>
    public bool WantsAnother(int lanes)
    {
        var now = Stopwatch.GetTimestamp();
        var answered = pace.Answered;
        var wireTicks = pace.WireTicks;
        var cpu = Environment.CpuUsage.TotalTime;
        var seconds = (double)(now - _at) / Stopwatch.Frequency;
        var busy = seconds <= 0 ? 0 : (cpu - _cpu).TotalSeconds / (seconds * Environment.ProcessorCount);
        var wants = Decide(lanes, most, answered - _answered, (double)(wireTicks - _wireTicks) / Stopwatch.Frequency,
            seconds, pace.Requests.CurrentRequestsPerSecond, busy);
        (_answered, _wireTicks, _at, _cpu) = (answered, wireTicks, now, cpu);
        return wants;
    }

    /// <summary>The decision on what was measured over <paramref name="seconds"/>: pure, so it is unit-tested as is.</summary>
    /// <param name="cpuBusy">Share of all cores this process used over the same time (0–1).</param>
    internal static bool Decide(int lanes, int most, long calls, double wireSeconds, double seconds, double pacedRate, double cpuBusy = 0)
    {
        if (lanes >= most || seconds <= 0 || calls == 0 || cpuBusy >= CpuBoundShare)
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
