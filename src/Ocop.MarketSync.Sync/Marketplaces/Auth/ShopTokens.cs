namespace Ocop.MarketSync.Sync.Marketplaces.Auth;

/// <summary>
/// A shop's authorisation on a marketplace, normalised: absolute UTC expiry instants (Shopee and Lazada answer
/// "seconds from now", TikTok absolute times), and the shop identifiers each marketplace signs or routes with.
/// </summary>
/// <param name="ShopId">Shopee shop_id, Lazada seller_id, TikTok shop_id.</param>
/// <param name="Extra">Marketplace-specific identifiers: Lazada <c>country</c>, TikTok <c>shop_cipher</c>, etc.</param>
public sealed record ShopTokens(
    string AccessToken,
    DateTimeOffset AccessTokenExpiresAt,
    string RefreshToken,
    DateTimeOffset? RefreshTokenExpiresAt,
    string? ShopId,
    IReadOnlyDictionary<string, string>? Extra = null)
{
    /// <summary>Never the tokens themselves: this record ends up in logs and exception messages.</summary>
    public override string ToString() =>
        $"ShopTokens {{ ShopId = {ShopId}, AccessTokenExpiresAt = {AccessTokenExpiresAt:O}, RefreshTokenExpiresAt = {RefreshTokenExpiresAt:O} }}";
}
