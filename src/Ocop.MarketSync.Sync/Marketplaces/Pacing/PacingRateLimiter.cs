using System.Threading.RateLimiting;

namespace Ocop.MarketSync.Sync.Marketplaces.Pacing;

/// <summary>
/// Paces the requests of one shop (or one of its APIs) below the marketplace's published rate, as a
/// <see cref="RateLimiter"/>: callers wait for their slot, nobody is refused.
/// <list type="bullet">
/// <item>Hard ceiling: at most <c>floor(published rate)</c> permits in <b>any</b> window of 1.1 s. It
/// remembers when the last N permits were given and gives the next no earlier than that long after the N-th last, which the
/// built-in token bucket and sliding window (segment-based) do not guarantee for windows that straddle their periods.
/// The extra 100 ms are for the way from the permit to the marketplace (a continuation scheduled late on a busy machine,
/// a new connection): the marketplace counts arrivals, and those must stay within the rate in any one second too. With
/// 50 ms, 21 of 20 per second were counted by the sandbox now and then on a loaded 2-core machine.</item>
/// <item>Smooth pace: grants are spaced 1 / rate apart at the current rate (90 % of the published one when nothing is
/// throttled), so a run never bursts and a marketplace's own token bucket never empties.</item>
/// <item>AIMD: <see cref="Throttled"/> halves the rate (at most once a second: the calls in flight when the
/// marketplace started refusing all come back refused together) and holds every grant until Retry-After has passed;
/// the rate then climbs back by a tenth of the published rate per second.</item>
/// </list>
/// Time comes from a <see cref="TimeProvider"/>, so tests drive it with a fake clock.
/// </summary>
public sealed class PacingRateLimiter : RateLimiter
{
    /// <summary>Share of the published rate paced when nothing is throttled: room for the network's jitter.</summary>
    public const double TargetShare = 0.90;

    /// <summary>Published rate regained per second after a decrease (additive increase).</summary>
    public const double RecoveryShare = 0.10;

    /// <summary>The lowest the rate goes, as a share of the published rate.</summary>
    public const double FloorShare = 0.05;

    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(1100);

    /// <summary>Decreases closer together than this are one congestion event (the calls in flight all answer 429).</summary>
    private static readonly TimeSpan DecreaseInterval = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly long[] _grants;
    private int _next;
    private long _nextSlot;
    private long _pausedUntil;
    private double _rate;
    private long _rateSetAt;
    private long _lastDecrease = long.MinValue;
    private long _lastGrant;
    private long _granted;
    private int _waiting;

    public PacingRateLimiter(double publishedRequestsPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(publishedRequestsPerSecond);
        PublishedRequestsPerSecond = publishedRequestsPerSecond;
        _time = time;
        _grants = new long[Math.Max(1, (int)Math.Floor(publishedRequestsPerSecond))];
        Array.Fill(_grants, long.MinValue);
        _rate = publishedRequestsPerSecond * TargetShare;
        _rateSetAt = time.GetTimestamp();
        _nextSlot = _pausedUntil = _lastGrant = _rateSetAt;
    }

    public double PublishedRequestsPerSecond { get; }

    /// <summary>Most permits in any window of 1.1 s.</summary>
    public int WindowLimit => _grants.Length;

    /// <summary>The rate paced now, after decreases and the recovery since.</summary>
    public double CurrentRequestsPerSecond
    {
        get
        {
            lock (_gate)
            {
                return RateAt(_time.GetTimestamp());
            }
        }
    }

    public long TotalGranted => Interlocked.Read(ref _granted);

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                return _waiting > 0 ? null : _time.GetElapsedTime(_lastGrant);
            }
        }
    }

    /// <summary>
    /// The marketplace refused a call for its rate: halve the rate (once per second at most) and give nothing
    /// before <paramref name="retryAfter"/> has passed.
    /// </summary>
    public void Throttled(TimeSpan? retryAfter)
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            if (retryAfter is { } wait && wait > TimeSpan.Zero)
            {
                _pausedUntil = Math.Max(_pausedUntil, now + Ticks(wait));
            }

            if (_lastDecrease != long.MinValue && _time.GetElapsedTime(_lastDecrease, now) < DecreaseInterval)
            {
                return;
            }

            _rate = Math.Max(PublishedRequestsPerSecond * FloorShare, RateAt(now) / 2);
            _rateSetAt = now;
            _lastDecrease = now;
        }
    }

    public override RateLimiterStatistics GetStatistics() => new()
    {
        CurrentAvailablePermits = 0,
        CurrentQueuedCount = Volatile.Read(ref _waiting),
        TotalSuccessfulLeases = TotalGranted,
        TotalFailedLeases = 0,
    };

    /// <summary>Never grants without waiting its slot: callers must use <see cref="RateLimiter.AcquireAsync"/>.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Refused;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(permitCount, 1);
        Interlocked.Increment(ref _waiting);
        try
        {
            while (true)
            {
                long slot;
                lock (_gate)
                {
                    slot = Reserve(_time.GetTimestamp());
                }

                var delay = _time.GetElapsedTime(_time.GetTimestamp(), slot);
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, _time, cancellationToken);
                }

                lock (_gate)
                {
                    // The ceiling is checked against the times permits were really given, not the slots reserved: a
                    // caller whose continuation ran late (a busy thread pool, a GC pause) must not go out in a bunch
                    // with those that came after it. A throttle answered meanwhile pauses callers already waiting too.
                    var now = _time.GetTimestamp();
                    var oldest = _grants[_next];
                    if (_pausedUntil <= now && (oldest == long.MinValue || now - oldest >= Ticks(Window)))
                    {
                        _grants[_next] = now;
                        _next = (_next + 1) % _grants.Length;
                        _lastGrant = now;
                        Interlocked.Increment(ref _granted);
                        return Lease.Granted;
                    }
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    /// <summary>The earliest slot that keeps pace, pause and (as far as known now) the ceiling; the pace moves past it.</summary>
    private long Reserve(long now)
    {
        var oldest = _grants[_next];
        var slot = Math.Max(Math.Max(now, _nextSlot), _pausedUntil);
        if (oldest != long.MinValue)
        {
            slot = Math.Max(slot, oldest + Ticks(Window));
        }

        _nextSlot = slot + Ticks(TimeSpan.FromSeconds(1 / RateAt(slot)));
        return slot;
    }

    private double RateAt(long now)
    {
        var target = PublishedRequestsPerSecond * TargetShare;
        if (_rate >= target)
        {
            return target;
        }

        var seconds = Math.Max(0, _time.GetElapsedTime(_rateSetAt, now).TotalSeconds);
        return Math.Min(target, _rate + (PublishedRequestsPerSecond * RecoveryShare * seconds));
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Granted = new(true);
        public static readonly Lease Refused = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
