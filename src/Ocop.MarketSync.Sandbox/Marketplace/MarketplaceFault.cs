namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>What the sandbox marketplace can do wrong to a request.</summary>
public enum MarketplaceFault
{
    /// <summary>HTTP 429 with Retry-After; nothing applied.</summary>
    RateLimited,

    /// <summary>HTTP 503; nothing applied.</summary>
    ServerError,

    /// <summary>The request is applied, then the connection is aborted: the client never learns the outcome.</summary>
    ResponseLost,

    /// <summary>
    /// The request is held for the timeout hold, then handled as usual. A client that gives up first closes the
    /// connection and the request is dropped unapplied (the applied case is <see cref="ResponseLost"/>).
    /// </summary>
    Timeout,
}
