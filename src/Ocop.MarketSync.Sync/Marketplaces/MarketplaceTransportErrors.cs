using System.Net.Sockets;
using Ocop.MarketSync.Sync.Marketplaces.Auth;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace Ocop.MarketSync.Sync.Marketplaces;

/// <summary>
/// A failure on the way to a marketplace's answer, the same for every adapter: timeouts, an open circuit, connection
/// refused or reset and lost answers are <see cref="MarketplaceError.Transient"/>; a channel without tokens is
/// <see cref="MarketplaceError.AuthExpired"/>. Adapters add their own exceptions (e.g. a configuration error).
/// </summary>
public static class MarketplaceTransportErrors
{
    /// <param name="marketplace">How messages name the marketplace ("Shopee", "the marketplace").</param>
    /// <param name="own">The adapter's own exceptions, asked first for each exception of the chain.</param>
    /// <returns>The error, or null for the caller's own cancellation and unknown exceptions (they must propagate).</returns>
    public static MarketplaceError? FromException(
        Exception error, string marketplace, CancellationToken cancellationToken, Func<Exception, MarketplaceError?>? own = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        for (var e = error; e is not null; e = e.InnerException)
        {
            if (own?.Invoke(e) is { } mapped)
            {
                return mapped;
            }

            switch (e)
            {
                case ChannelNotAuthorizedException notAuthorized:
                    return new MarketplaceError.AuthExpired(notAuthorized.Message);
                case TimeoutRejectedException or TaskCanceledException:
                    return new MarketplaceError.Transient($"No answer from {marketplace} in time: {e.Message}");
                case BrokenCircuitException:
                    return new MarketplaceError.Transient($"{Capitalised(marketplace)} is failing; calls are paused: {e.Message}");
                case HttpRequestException or IOException or SocketException:
                    return new MarketplaceError.Transient($"Connection to {marketplace} failed or the answer was lost: {e.Message}");
            }
        }

        return error is ApiRequestException ? new MarketplaceError.Transient($"The request failed: {error.Message}") : null;
    }

    private static string Capitalised(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}
