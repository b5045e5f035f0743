namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>
/// The faults a sandbox marketplace injects, changeable while it serves. Two kinds: rates (a share of all API
/// requests, drawn from a seeded random so runs repeat) and queued faults (exactly the next N requests, optionally
/// of one endpoint), which tests use to hit one precise call. A queued fault wins over the rates.
/// </summary>
public sealed class MarketplaceSandboxFaults
{
    private readonly Lock _gate = new();
    private readonly List<(MarketplaceFault Fault, MarketplaceSandboxEndpoint? Endpoint, int Left)> _queued = [];
    private Random _random;
    private TimeSpan _latency;
    private TimeSpan _latencyJitter;
    private double _serverErrorRate;
    private double _responseLostRate;
    private double _timeoutRate;
    private TimeSpan _timeoutHold;
    private TimeSpan _rateLimitedRetryAfter;

    public MarketplaceSandboxFaults(MarketplaceSandboxFaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _random = new Random(options.Seed);
        _latency = options.Latency;
        _latencyJitter = options.LatencyJitter;
        _serverErrorRate = CheckRate(options.ServerErrorRate, nameof(options.ServerErrorRate));
        _responseLostRate = CheckRate(options.ResponseLostRate, nameof(options.ResponseLostRate));
        _timeoutRate = CheckRate(options.TimeoutRate, nameof(options.TimeoutRate));
        _timeoutHold = options.TimeoutHold;
        _rateLimitedRetryAfter = options.RateLimitedRetryAfter;
    }

    public TimeSpan Latency { get => Read(() => _latency); set => Write(() => _latency = value); }

    public TimeSpan LatencyJitter { get => Read(() => _latencyJitter); set => Write(() => _latencyJitter = value); }

    public double ServerErrorRate
    {
        get => Read(() => _serverErrorRate);
        set => Write(() => _serverErrorRate = CheckRate(value, nameof(ServerErrorRate)));
    }

    public double ResponseLostRate
    {
        get => Read(() => _responseLostRate);
        set => Write(() => _responseLostRate = CheckRate(value, nameof(ResponseLostRate)));
    }

    public double TimeoutRate
    {
        get => Read(() => _timeoutRate);
        set => Write(() => _timeoutRate = CheckRate(value, nameof(TimeoutRate)));
    }

    public TimeSpan TimeoutHold { get => Read(() => _timeoutHold); set => Write(() => _timeoutHold = value); }

    public TimeSpan RateLimitedRetryAfter { get => Read(() => _rateLimitedRetryAfter); set => Write(() => _rateLimitedRetryAfter = value); }

    /// <summary>The next <paramref name="count"/> API requests (of <paramref name="endpoint"/> only, when given) get <paramref name="fault"/>.</summary>
    public void Next(MarketplaceFault fault, int count = 1, MarketplaceSandboxEndpoint? endpoint = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Write(() => _queued.Add((fault, endpoint, count)));
    }

    /// <summary>A burst of HTTP 429: the next <paramref name="count"/> API requests are refused.</summary>
    public void RateLimitNext(int count) => Next(MarketplaceFault.RateLimited, count);

    /// <summary>No more faults: queued ones dropped, rates and latency zero. The random keeps its sequence.</summary>
    public void Clear() => Write(() =>
    {
        _queued.Clear();
        _latency = _latencyJitter = TimeSpan.Zero;
        _serverErrorRate = _responseLostRate = _timeoutRate = 0;
    });

    /// <summary>Starts the random sequence again from <paramref name="seed"/>.</summary>
    public void Reseed(int seed) => Write(() => _random = new Random(seed));

    internal MarketplaceFaultDecision Decide(MarketplaceSandboxEndpoint endpoint)
    {
        lock (_gate)
        {
            var delay = _latency + (_latencyJitter > TimeSpan.Zero ? _latencyJitter * _random.NextDouble() : TimeSpan.Zero);
            return new MarketplaceFaultDecision(delay, TakeQueued(endpoint) ?? DrawFault(), _timeoutHold, _rateLimitedRetryAfter);
        }
    }

    private MarketplaceFault? TakeQueued(MarketplaceSandboxEndpoint endpoint)
    {
        var index = _queued.FindIndex(q => q.Endpoint is null || q.Endpoint == endpoint);
        if (index < 0)
        {
            return null;
        }

        var (fault, on, left) = _queued[index];
        if (left <= 1)
        {
            _queued.RemoveAt(index);
        }
        else
        {
            _queued[index] = (fault, on, left - 1);
        }

        return fault;
    }

    private MarketplaceFault? DrawFault()
    {
        if (_serverErrorRate + _timeoutRate + _responseLostRate <= 0)
        {
            return null;
        }

        var draw = _random.NextDouble();
        if (draw < _serverErrorRate)
        {
            return MarketplaceFault.ServerError;
        }

        draw -= _serverErrorRate;
        if (draw < _timeoutRate)
        {
            return MarketplaceFault.Timeout;
        }

        return draw - _timeoutRate < _responseLostRate ? MarketplaceFault.ResponseLost : null;
    }

    private T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private void Write(Action write)
    {
        lock (_gate)
        {
            write();
        }
    }

    private static double CheckRate(double rate, string name) =>
        rate is >= 0 and <= 1 ? rate : throw new ArgumentOutOfRangeException(name, rate, $"{name} is a fraction of requests, between 0 and 1.");
}
