namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>
/// The marketplace's rate limit: a bucket of <c>burst</c> tokens refilled at <c>rate</c> per second, one token per
/// request. Written here rather than taken from System.Threading.RateLimiting because the refusal must say
/// exactly when the next token is due (Retry-After) and tests drive it with a fake clock.
/// </summary>
internal sealed class SandboxTokenBucket
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly double _ratePerSecond;
    private readonly int _burst;
    private double _tokens;
    private long _refilledAt;

    /// <param name="ratePerSecond">Tokens added per second; 0 or less: no limit.</param>
    public SandboxTokenBucket(double ratePerSecond, int burst, TimeProvider time)
    {
        _time = time;
        _ratePerSecond = ratePerSecond;
        _burst = Math.Max(1, burst);
        _tokens = _burst;
        _refilledAt = time.GetTimestamp();
    }

    /// <summary>Takes a token, or says how long until one is there.</summary>
    public bool TryTake(out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (_ratePerSecond <= 0)
        {
            return true;
        }

        lock (_gate)
        {
            var now = _time.GetTimestamp();
            _tokens = Math.Min(_burst, _tokens + (_time.GetElapsedTime(_refilledAt, now).TotalSeconds * _ratePerSecond));
            _refilledAt = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                return true;
            }

            retryAfter = TimeSpan.FromSeconds((1 - _tokens) / _ratePerSecond);
            return false;
        }
    }
}
