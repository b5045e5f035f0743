namespace Ocop.MarketSync.Sync.Marketplaces.Auth;

/// <summary>
/// Where an adapter's signing handler gets the channel's current tokens. The implementation refreshes ahead of
/// expiry (one refresh at a time per shop, across nodes) and saves the new pair before handing it out.
/// </summary>
public interface IShopTokenSource
{
    /// <exception cref="ChannelNotAuthorizedException">The channel has no usable authorisation: it needs a person.</exception>
    ValueTask<ShopTokens> GetAsync(string channelId, CancellationToken cancellationToken);

    /// <summary>
    /// The marketplace said the access token is invalid although it had not expired: refresh now (once; a
    /// concurrent caller that already refreshed gets that result) and return the new tokens.
    /// </summary>
    /// <exception cref="ChannelNotAuthorizedException">The refresh was refused: the channel now needs re-authorisation.</exception>
    ValueTask<ShopTokens> RefreshNowAsync(string channelId, ShopTokens rejected, CancellationToken cancellationToken);
}

/// <summary>The channel has no tokens, or its refresh token was refused: <c>channel authorize</c> must be run again.</summary>
public sealed class ChannelNotAuthorizedException(string channelId, string message) : Exception(message)
{
    public string ChannelId { get; } = channelId;
}
