namespace Ocop.MarketSync.Sync.Marketplaces;

/// <summary>
/// What went wrong with one item of a marketplace call, in the one taxonomy the engine understands. Adapters map
/// every documented error family of their marketplace into it; wire errors never leave the adapter.
/// </summary>
public abstract record MarketplaceError(string Message)
{
    /// <summary>The marketplace's request id, for support tickets and the audit trail.</summary>
    public string? RequestId { get; init; }

    /// <summary>Worth retrying soon: 5xx, timeouts, lost responses, connection errors.</summary>
    public sealed record Transient(string Message) : MarketplaceError(Message);

    /// <summary>Too many calls: wait at least <paramref name="RetryAfter"/>, then retry.</summary>
    public sealed record RateLimited(TimeSpan RetryAfter, string Message) : MarketplaceError(Message);

    /// <summary>The shop's authorisation expired or was revoked: a person must authorise again.</summary>
    public sealed record AuthExpired(string Message) : MarketplaceError(Message);

    /// <summary>Permanent for this data (bad category, banned word…): do not retry until the data changes or staff retry.</summary>
    public sealed record Rejected(string Reason) : MarketplaceError(Reason);

    /// <summary>The remote item does not exist (deleted in seller centre, or never created).</summary>
    public sealed record NotFound(string Message) : MarketplaceError(Message);

    /// <summary>
    /// The item is locked for now (a promotion or campaign holds its price or stock): keep the change and try again
    /// after <paramref name="RetryAfter"/>; neither the listing's fault nor a failure to count.
    /// </summary>
    public sealed record Deferred(TimeSpan RetryAfter, string Message) : MarketplaceError(Message);

    /// <summary>
    /// Our side is wrong for every call (bad signature, clock drift, wrong partner key, missing API permission):
    /// retrying cannot help, a person must fix configuration. The channel stops and an alert is logged.
    /// </summary>
    public sealed record Misconfigured(string Message) : MarketplaceError(Message);
}
