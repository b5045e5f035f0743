using System.Diagnostics;
using Ocop.MarketSync.Sync.Marketplaces.Pacing;

namespace Ocop.MarketSync.Sync.Listings.Push;

/// <summary>What the governor wants done with a channel's lanes after a look.</summary>
internal enum LaneChange
{
    None,
    Add,
    Retire,
}

/// <summary>
/// Decides while a channel is pushed how many lanes it needs: "as many as latency × rate needs", measured rather than
/// configured, with <c>Channels:{id}:MaxInFlight</c> as the bound. A push starts with one lane. A lane is tried while
/// the calls fall short of the channel's pace and the lanes spend most of their time waiting for the marketplace, and
/// it is kept only if the calls per second then rose by a fair share of what one lane more should bring. Waiting on
/// the wire alone does not prove the marketplace is the wait: on a loaded machine (or with the marketplace sharing
/// the cores, as the embedded sandboxes do) an answer waits for a core, and another lane only adds to the queue. Such
/// a lane is retired, and the next try waits, longer each time it fails.
/// </summary>
internal sealed class LaneGovernor(ChannelPace pace, int most)
{
    /// <summary>How often the lanes are looked at; at most one lane is added or retired per look.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// The least time a rate is measured over before it is acted on: one look, as long as it saw <see cref="MinCalls"/>
    /// answers. Every look a push spends measuring one lane too few is a third of a second below the pace.
    /// </summary>
    public static readonly TimeSpan MinWindow = Interval;

    /// <summary>
    /// The fewest answers per lane a rate is measured on, before a lane is tried and before it is judged. The rate is
    /// taken from one answer to another, so no call is cut in two by the window's edges. Per lane, because the gain to
    /// be told from jitter shrinks as lanes grow (1/n): at 8 lanes and 40 calls/s, 12 answers in 300 ms swung by more
    /// than the 6 % a ninth lane must show, and lanes that helped were retired.
    /// </summary>
    public const int MinCalls = 4;

    /// <summary>Calls at this share of the pace or more: the pace is the limit, not the lanes (a lane more would queue in the pace).</summary>
    public const double PaceBoundShare = 0.95;

    /// <summary>
    /// Lanes on the wire this share of their time or more wait for the marketplace enough that one more may pay. Measured
    /// on the 2-core machine: 0.6–0.8 against a marketplace answering in 150–200 ms, 0.1–0.3 against the embedded
    /// sandboxes, which answer at once but share the cores (their time on the wire is their wait for a core).
    /// </summary>
    public const double WaitingShare = 0.4;

    /// <summary>
    /// The process using this share of all cores or more is bound by them: a marketplace sharing the machine (the
    /// embedded sandboxes) looks slow on the wire because it waits for a core, and another lane would make that worse.
    /// </summary>
    public const double CpuBoundShare = 0.6;

    /// <summary>
    /// A lane added to <c>n</c> lanes stays if the calls per second rose by at least this share of the 1/n it would
    /// bring were the marketplace alone the wait: half, so that jitter does not retire a lane that helps.
    /// </summary>
    public const double MinGainShare = 0.5;

    /// <summary>The wait before a lane is tried again after one was retired; it doubles with every retirement in a row.</summary>
    public static readonly TimeSpan FirstHold = TimeSpan.FromSeconds(5);

    /// <summary>The longest such wait: conditions change (the machine's load, the marketplace's answers) within a push.</summary>
    public static readonly TimeSpan LongestHold = TimeSpan.FromSeconds(40);

    private Window _window = Window.Start(pace, lanes: 1);

    /// <summary>The calls per second measured at the last look that had enough answers, for the log.</summary>
    public double LastRate { get; private set; }

    private double? _rateBeforeAdd;
    private bool _warming;
    private long _holdUntil;
    private TimeSpan _hold = FirstHold;

    /// <summary>Looks at the calls answered since the window began; tells whether to add a lane, retire one, or wait.</summary>
    public LaneChange Look(int lanes)
    {
        var now = Stopwatch.GetTimestamp();
        if (lanes != _window.Lanes)
        {
            // A lane ran out of work, or a change was not made: measure the lanes afresh, with nothing to compare.
            _rateBeforeAdd = null;
            _window = Window.Start(pace, lanes);
            return LaneChange.None;
        }

        if (_warming)
        {
            // The lane just added spent this look claiming and on its first call: judged from here on, as it runs.
            _warming = false;
            _window = Window.Start(pace, lanes);
            return LaneChange.None;
        }

        var (answered, wireTicks, lastAnsweredAt) = pace.AnswersSoFar();
        if (_window.RateFrom == 0)
        {
            // No answer came shortly before the window began (the run just started): the rate runs from the first
            // answer in it, not from the start, which would count the first claim and connection as slowness.
            if (answered > _window.RateAnswered)
            {
                _window = _window with { RateFrom = lastAnsweredAt, RateAnswered = answered };
            }

            return LaneChange.None;
        }

        var seconds = Stopwatch.GetElapsedTime(_window.At, now).TotalSeconds;
        var calls = answered - _window.RateAnswered;
        if (seconds < MinWindow.TotalSeconds || calls < MinCalls * lanes)
        {
            return LaneChange.None;
        }

        var rate = calls / Math.Max(Stopwatch.GetElapsedTime(_window.RateFrom, lastAnsweredAt).TotalSeconds, 1e-3);
        LastRate = rate;
        var pacedRate = pace.Requests.CurrentRequestsPerSecond;
        var wireSeconds = (double)(wireTicks - _window.WireTicks) / Stopwatch.Frequency;
        // (Time on the wire and CPU are taken over the whole window: they are sums, with no edge to cut.)
        var cpuBusy = (Environment.CpuUsage.TotalTime - _window.Cpu).TotalSeconds / (seconds * Environment.ProcessorCount);
        _window = Window.Start(pace, lanes);

        if (_rateBeforeAdd is { } before)
        {
            _rateBeforeAdd = null;
            if (!Keeps(lanes - 1, before, rate, pacedRate))
            {
                _holdUntil = now + (long)(_hold.TotalSeconds * Stopwatch.Frequency);
                _hold = TimeSpan.FromTicks(Math.Min(_hold.Ticks * 2, LongestHold.Ticks));
                _window = Window.Start(pace, lanes - 1);
                return LaneChange.Retire;
            }

            _hold = FirstHold;
        }

        if (now < _holdUntil || !Decide(lanes, most, rate, wireSeconds / seconds, pacedRate, cpuBusy))
        {
            return LaneChange.None;
        }

        _rateBeforeAdd = rate;
        _warming = true;
        _window = Window.Start(pace, lanes + 1);
        return LaneChange.Add;
    }

    /// <summary>Whether to try one lane more, on what was measured over a window: pure, so it is unit-tested as is.</summary>
    /// <param name="rate">Calls per second answered, from one answer to another.</param>
    /// <param name="wireLanes">Calls on the wire on average (time on the wire ÷ the window): lanes waiting for answers.</param>
    /// <param name="cpuBusy">Share of all cores this process used over the same time (0–1).</param>
    internal static bool Decide(int lanes, int most, double rate, double wireLanes, double pacedRate, double cpuBusy = 0)
    {
        if (lanes >= most || rate <= 0 || cpuBusy >= CpuBoundShare)
        {
            return false;
        }

        if (rate >= PaceBoundShare * pacedRate)
        {
            return false;
        }

        return wireLanes / lanes >= WaitingShare;
    }

    /// <summary>
    /// Whether the lane added to <paramref name="lanesBefore"/> lanes earned its place: the calls per second reached the
    /// pace, or rose by at least <see cref="MinGainShare"/> of the 1/n one more lane brings when only latency limits.
    /// </summary>
    internal static bool Keeps(int lanesBefore, double rateBefore, double rateAfter, double pacedRate) =>
        rateAfter >= PaceBoundShare * pacedRate || rateAfter >= rateBefore * (1 + MinGainShare / Math.Max(1, lanesBefore));

    /// <summary>
    /// Where a measurement began: the pace's counters and the process's CPU time, with the lanes it measures. The rate
    /// runs from an answer (<see cref="RateFrom"/>, with the count then, <see cref="RateAnswered"/>): the last before the
    /// start if it was recent, else the first after it (0 until then).
    /// </summary>
    private readonly record struct Window(int Lanes, long At, long WireTicks, long RateFrom, long RateAnswered, TimeSpan Cpu)
    {
        public static Window Start(ChannelPace pace, int lanes)
        {
            var at = Stopwatch.GetTimestamp();
            var (answered, wireTicks, lastAnsweredAt) = pace.AnswersSoFar();
            var rateFrom = lastAnsweredAt != 0 && Stopwatch.GetElapsedTime(lastAnsweredAt, at) < Interval ? lastAnsweredAt : 0;
            return new(lanes, at, wireTicks, rateFrom, answered, Environment.CpuUsage.TotalTime);
        }
    }
}
