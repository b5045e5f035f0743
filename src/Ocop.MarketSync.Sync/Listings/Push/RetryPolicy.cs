namespace Ocop.MarketSync.Sync.Listings.Push;

/// <summary>
/// Listing-level backoff: minutes to hours, exponential with full jitter, capped. This is the middle layer of
/// docs/decisions/0002-retry-layers.md: the HTTP layer does not retry batch writes, Hangfire only re-triggers.
/// </summary>
public static class RetryPolicy
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Cap = TimeSpan.FromHours(2);

    /// <summary>"Never" for a listing that waits for new data or a person (Rejected, NeedsReauth).</summary>
    public static readonly DateTime Parked = new(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    /// <param name="attempt">1 for the first failure.</param>
    public static TimeSpan Backoff(int attempt, Random random)
    {
        var exponent = Math.Min(attempt - 1, 16);
        var ceiling = Math.Min(Cap.TotalSeconds, First.TotalSeconds * Math.Pow(2, exponent));
        // Half fixed, half jitter: never sooner than half the step, spread so a failed batch does not return as one.
        return TimeSpan.FromSeconds((ceiling / 2) + (random.NextDouble() * ceiling / 2));
    }
}
