namespace Ocop.MarketSync.Registry;

public enum RegistryFailure
{
    /// <summary>The registry answered with a non-success status.</summary>
    HttpError,

    /// <summary>No answer within the attempt timeouts.</summary>
    Timeout,

    /// <summary>The body was not JSON, or not the page envelope the contract describes.</summary>
    Malformed,

    /// <summary>The connection failed.</summary>
    Unreachable,
}

/// <summary>A page of the registry could not be had or read. Nothing of that page was stored.</summary>
public sealed class RegistryPageException(RegistryFailure failure, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public RegistryFailure Failure { get; } = failure;
}
