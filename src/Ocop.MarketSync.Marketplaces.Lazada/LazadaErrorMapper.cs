using System.Net;
using Ocop.MarketSync.Sync.Marketplaces;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Lazada;

/// <summary>
/// Every documented lazop error family, in the port's taxonomy (docs/marketplaces/lazada.md has the table).
/// The traps: <c>ApiCallLimit</c> and <c>901</c> are RateLimited(1 s), not failures; <c>4170</c> (campaign lock) is
/// Deferred, not Rejected; signature, timestamp, app key and permission errors are Misconfigured (retrying
/// cannot fix them); the umbrella codes 500/501/503 are decided by their <c>detail[]</c>.
/// </summary>
internal static class LazadaErrorMapper
{
    /// <summary>The docs say to retry a throttled call "in the next second".</summary>
    public static readonly TimeSpan RateLimitWait = TimeSpan.FromSeconds(1);

    private static readonly HashSet<string> MisconfiguredCodes = new(
    [
        "IncompleteSignature", "MissingParameter", "InvalidParameter", "InvalidTimestamp", "IllegalTimestamp",
        "InvalidAppKey", "AppKeyNotExist", "IllegalAccessKey", "InsufficientPermission", "AppAccessDenied",
        "AppNotOnline", "InvalidApiPath", "InvalidSignMethod", "SellerNotActive", "SellerNotVerified",
        "204", "4171", "4193",
    ], StringComparer.Ordinal);

    private static readonly HashSet<string> RateLimitedCodes = new(["ApiCallLimit", "901", "SYS_REQUEST_TOO_FAST", "4154"], StringComparer.Ordinal);

    private static readonly HashSet<string> TransientCodes = new(["513", "6", "E006", "1000", "4147", "ServiceUnavailable", "ServiceTimeout"], StringComparer.Ordinal);

    private static readonly HashSet<string> NotFoundCodes = new(["E0002", "4137", "ITEM_NOT_FOUND", "4136", "SELLER_SKU_NOT_FOUND"], StringComparer.Ordinal);

    private static readonly HashSet<string> AuthCodes = new(
        [LazadaErrorCodes.IllegalAccessToken, LazadaErrorCodes.IllegalRefreshToken, LazadaErrorCodes.InvalidCode, "AUTH_TYPE_UNSUPPORTED"],
        StringComparer.Ordinal);

    /// <summary>One lazop error code (of the envelope or of a <c>detail</c> entry) in the taxonomy.</summary>
    public static MarketplaceError FromCode(string? code, string? type, string? message, string? requestId, TimeSpan campaignLockWait)
    {
        var text = $"Lazada {code ?? "(no code)"}: {message ?? "no message"}";
        code ??= string.Empty;
        MarketplaceError error = code switch
        {
            _ when RateLimitedCodes.Contains(code) => new MarketplaceError.RateLimited(RateLimitWait, text),
            _ when AuthCodes.Contains(code) => new MarketplaceError.AuthExpired(text),
            _ when MisconfiguredCodes.Contains(code) => new MarketplaceError.Misconfigured(text),
            _ when NotFoundCodes.Contains(code) => new MarketplaceError.NotFound(text),
            _ when TransientCodes.Contains(code) => new MarketplaceError.Transient(text),
            // Campaign lock: stock may go up but not down until the campaign ends; park the change.
            "4170" => new MarketplaceError.Deferred(campaignLockWait, text),
            // Reserved (ordered) units exceed the new sellable stock: orders will ship or cancel; try again later.
            "212" or "INV_NEGATIVE_SELLABLE" => new MarketplaceError.Deferred(TimeSpan.FromMinutes(15), text),
            // Lazada's own side (ISP) or the gateway (SYSTEM) failing with a code we do not know: worth a retry.
            _ when type is "ISP" or "SYSTEM" => new MarketplaceError.Transient(text),
            // Validation (4108, 4110, 4115, 4134, 4139, 4160, 4169, …), SellerSku repeat and unknown ISV codes:
            // our data is wrong; staff must see it rather than the engine retrying.
            _ => new MarketplaceError.Rejected(text),
        };
        return error with { RequestId = requestId };
    }

    /// <summary>The failure of a whole call before its envelope could be read (HTTP status, unreadable body), or null.</summary>
    /// <exception cref="OperationCanceledException">The caller cancelled: not a marketplace failure.</exception>
    public static MarketplaceError? FromHttp(IApiResponse response, CancellationToken cancellationToken)
    {
        if (response.HasRequestError(out var requestError))
        {
            cancellationToken.ThrowIfCancellationRequested();
            return FromException(requestError, cancellationToken)
                ?? new MarketplaceError.Transient($"No answer from Lazada: {requestError.Message}");
        }

        var status = (int)(response.StatusCode ?? 0);
        var message = $"Lazada answered HTTP {status} {response.ReasonPhrase}";
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => new MarketplaceError.RateLimited(RateLimitWait, message),
            _ when status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout => new MarketplaceError.Transient(message),
            // A 4xx whose body is a lazop envelope is decided by its code; the caller reads it.
            _ => null,
        };
    }

    /// <summary>
    /// A failure on the way to an answer, or null when <paramref name="error"/> is something else, or the caller's
    /// own cancellation, and must propagate.
    /// </summary>
    public static MarketplaceError? FromException(Exception error, CancellationToken cancellationToken) =>
        MarketplaceTransportErrors.FromException(error, "Lazada", cancellationToken,
            e => e is LazadaConfigurationException ? new MarketplaceError.Misconfigured(e.Message) : null);
}
