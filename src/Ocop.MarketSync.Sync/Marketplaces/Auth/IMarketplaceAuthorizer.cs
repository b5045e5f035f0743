using Ocop.MarketSync.Sync.Channels;

namespace Ocop.MarketSync.Sync.Marketplaces.Auth;

/// <summary>
/// A marketplace's token endpoints, for one adapter: exchanging a seller's one-time authorisation code, and
/// refreshing. Storing, encrypting, scheduling and serialising refreshes is the token store's job, not this one's.
/// </summary>
public interface IMarketplaceAuthorizer
{
    /// <summary>The marketplace name, as in <see cref="ChannelOptions.Marketplace"/>.</summary>
    string Marketplace { get; }

    /// <summary>How long before the access token expires to refresh it (Shopee hours, Lazada and TikTok a day or more).</summary>
    TimeSpan RefreshAhead { get; }

    /// <exception cref="MarketplaceAuthException">The code was refused (used, expired, wrong app).</exception>
    /// <exception cref="MarketplaceException">The call failed for another reason (network, 5xx, rate limit).</exception>
    Task<ShopTokens> ExchangeCodeAsync(ChannelOptions channel, string code, CancellationToken cancellationToken);

    /// <exception cref="MarketplaceAuthException">The refresh token was refused: the seller must authorise again.</exception>
    /// <exception cref="MarketplaceException">The call failed for another reason; the tokens may be refreshed later.</exception>
    Task<ShopTokens> RefreshAsync(ChannelOptions channel, ShopTokens current, CancellationToken cancellationToken);
}

/// <summary>The marketplace refused an authorisation code or refresh token for good: a person must authorise again.</summary>
public sealed class MarketplaceAuthException(string message, string? requestId = null) : Exception(message)
{
    public string? RequestId { get; } = requestId;
}

/// <summary>
/// The marketplace refused the app's own credentials (a wrong partner key or app secret, so a wrong signature), not
/// the seller's code or token: re-authorising cannot help, a person fixes the named configuration keys.
/// </summary>
public static class AppCredentialsRefused
{
    /// <param name="keys">The configuration keys holding the app's credentials, e.g. <c>SHOPEE_HCM:PartnerKey</c>.</param>
    public static MarketplaceException Error(string marketplace, string detail, string? requestId, params string[] keys) =>
        new(new MarketplaceError.Misconfigured(
            $"{marketplace} refused the app's credentials ({detail}): check {string.Join(" and ", keys)} in the configuration.")
        {
            RequestId = requestId,
        });
}
