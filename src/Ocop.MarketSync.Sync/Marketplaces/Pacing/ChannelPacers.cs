using System.Collections.Concurrent;
using System.Diagnostics;
using Ocop.MarketSync.Sync.Channels;

namespace Ocop.MarketSync.Sync.Marketplaces.Pacing;

/// <summary>
/// The pace of every channel, for the life of the process: clients are made per run, but what the marketplace
/// told us about its rate (a 429 halves it) must outlive the run. One pusher runs per channel across nodes (ADR 0007),
/// so a channel's pace on the node that pushes it is the shop's whole traffic from pushing.
/// </summary>
public sealed class ChannelPacers(ChannelCatalog channels, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ChannelPace> _paces = new(StringComparer.Ordinal);

    public ChannelPace For(string channelId) => _paces.GetOrAdd(channelId, id => new ChannelPace(channels.Capabilities(id), time));
}

/// <summary>One channel's limiters: every HTTP request of the shop, and each operation the marketplace limits on its own.</summary>
public sealed class ChannelPace
{
    private readonly Dictionary<MarketplaceOperation, PacingRateLimiter> _operations;
    private readonly Lock _answers = new();
    private long _answered;
    private long _wireTicks;
    private long _lastAnsweredAt;

    public ChannelPace(MarketplaceCapabilities capabilities, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        Requests = new PacingRateLimiter(capabilities.RequestsPerSecond, time);
        _operations = capabilities.OperationRequestsPerSecond.ToDictionary(p => p.Key, p => new PacingRateLimiter(p.Value, time));
    }

    /// <summary>Every HTTP request to the shop passes this one (<see cref="PacingHandler"/>).</summary>
    public PacingRateLimiter Requests { get; }

    /// <summary>
    /// The requests answered so far (any status, counted by <see cref="PacingHandler"/>), their time on the wire summed
    /// (request sent until answer read, in stopwatch ticks) and when the last one came (stopwatch timestamp), read together: a
    /// rate taken from one answer to another has no window edge cutting a call in two, which at a few calls per second
    /// would be most of the error.
    /// </summary>
    public (long Answered, long WireTicks, long LastAnsweredAt) AnswersSoFar()
    {
        lock (_answers)
        {
            return (_answered, _wireTicks, _lastAnsweredAt);
        }
    }

    /// <summary>
    /// One request's time on the wire, after its slot in the pace: the push decides from it whether another lane
    /// would help (waiting for the marketplace) or only add load (the engine itself is the bottleneck).
    /// </summary>
    public void Answer(long elapsedTicks)
    {
        lock (_answers)
        {
            _wireTicks += elapsedTicks;
            _answered++;
            _lastAnsweredAt = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>Waits for a slot of <paramref name="operation"/> where the marketplace limits it apart; no wait otherwise.</summary>
    public async ValueTask WaitForAsync(MarketplaceOperation operation, CancellationToken cancellationToken)
    {
        if (_operations.TryGetValue(operation, out var limiter))
        {
            using var lease = await limiter.AcquireAsync(1, cancellationToken);
        }
    }

    /// <summary>The marketplace throttled a call (HTTP 429 or its own code): slow the whole shop down.</summary>
    public void Throttled(MarketplaceOperation? operation, TimeSpan? retryAfter)
    {
        Requests.Throttled(retryAfter);
        if (operation is { } op && _operations.TryGetValue(op, out var limiter))
        {
            limiter.Throttled(retryAfter);
        }
    }
}
