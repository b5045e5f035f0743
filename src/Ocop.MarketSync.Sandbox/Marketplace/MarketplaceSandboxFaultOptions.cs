namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>Faults a sandbox marketplace starts with. Rates are fractions of API requests, drawn from a seeded random.</summary>
public sealed class MarketplaceSandboxFaultOptions
{
    /// <summary>Seed of the random that draws latency jitter and faults, so a test run can be repeated.</summary>
    public int Seed { get; init; } = 20261129;

    /// <summary>Added to every API request before it is handled.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Up to this much more latency, uniformly drawn per request.</summary>
    public TimeSpan LatencyJitter { get; init; }

    /// <summary>
    /// How many requests the shop handles at once (their latency included); the others queue. Null (default): no bound.
    /// Stands in for a marketplace, or a machine, whose answers come no faster however many calls are in flight.
    /// </summary>
    public int? Workers { get; init; }

    /// <summary>Share of requests answered HTTP 503 without applying anything.</summary>
    public double ServerErrorRate { get; init; }

    /// <summary>Share of requests that are applied, after which the connection is aborted and no answer arrives.</summary>
    public double ResponseLostRate { get; init; }

    /// <summary>Share of requests held for <see cref="TimeoutHold"/> before they are handled.</summary>
    public double TimeoutRate { get; init; }

    /// <summary>How long a timed-out request is held. Default 30 s, longer than any client's attempt timeout.</summary>
    public TimeSpan TimeoutHold { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The Retry-After of injected HTTP 429 answers. Default 1 s.</summary>
    public TimeSpan RateLimitedRetryAfter { get; init; } = TimeSpan.FromSeconds(1);
}
