namespace Ocop.MarketSync.Marketplaces.Tiki.Api;

/// <summary>
/// RFC 6749 token answer; <c>refresh_token</c> only for the authorisation-code flow with the <c>offline</c> scope.
/// Errors come as <c>{"error", "error_description"}</c>.
/// </summary>
internal sealed record WireToken(
    string? AccessToken,
    long ExpiresIn,
    string? RefreshToken,
    string? Scope,
    string? TokenType,
    string? Error,
    string? ErrorDescription);
