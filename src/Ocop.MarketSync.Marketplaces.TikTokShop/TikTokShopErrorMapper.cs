using System.Globalization;
using System.Net;
using System.Text.Json;
using Ocop.MarketSync.Marketplaces.TikTokShop.Api;
using Ocop.MarketSync.Sync.Marketplaces;
using Refit;

namespace Ocop.MarketSync.Marketplaces.TikTokShop;

/// <summary>
/// TikTok's answers in the port's taxonomy. The body <c>code</c> decides (it is authoritative, MARKETPLACES.md
/// §4.4); the HTTP status only when there is no readable body. The request id is kept on every error.
/// </summary>
internal sealed class TikTokShopErrorMapper(TimeSpan promotionLockRetryAfter)
{
    /// <summary>TikTok documents no Retry-After; its docs ask for random exponential backoff from about a second.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>The error of a non-zero body code.</summary>
    public MarketplaceError FromCode(long code, string? message, string? requestId, HttpStatusCode? status = null, TimeSpan? retryAfter = null)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"TikTok {code}: {message ?? "no message"}");
        MarketplaceError error = code switch
        {
            TikTokShopErrorCodes.TooManyRequests => new MarketplaceError.RateLimited(retryAfter ?? DefaultRetryAfter, text),
            TikTokShopErrorCodes.RequestTimeout => new MarketplaceError.Transient(text),
            TikTokShopErrorCodes.AccessTokenExpired => new MarketplaceError.AuthExpired(text),
            // Our side is wrong for every call: a person fixes the signer, the clock, the keys or the app's scopes.
            TikTokShopErrorCodes.InvalidSign or TikTokShopErrorCodes.InvalidCredentials or TikTokShopErrorCodes.ScopeNotGranted
                or TikTokShopErrorCodes.ShopCipherMissing or TikTokShopErrorCodes.IpNotAllowed
                or TikTokShopErrorCodes.InvalidPath or TikTokShopErrorCodes.InvalidMethod => new MarketplaceError.Misconfigured(text),
            TikTokShopErrorCodes.InvalidSkuId => new MarketplaceError.NotFound(text),
            // A running promotion holds the price: park the change, it is neither the listing's fault nor a failure.
            TikTokShopErrorCodes.PriceLockedByPromotion => new MarketplaceError.Deferred(promotionLockRetryAfter, text),
            TikTokShopErrorCodes.FileTooLarge or TikTokShopErrorCodes.WrongContentType or TikTokShopErrorCodes.WrongFileType
                or TikTokShopErrorCodes.TooManyProductIds => new MarketplaceError.Rejected(text),
            _ => FromStatus(status, text),
        };
        return error with { RequestId = requestId };
    }

    /// <summary>The failure of a whole call, or null when it succeeded (code 0 with data).</summary>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public MarketplaceError? FromResponse<T>(IApiResponse<WireEnvelope<T>> response, CancellationToken cancellationToken)
        where T : class
    {
        if (response.HasRequestError(out var requestError))
        {
            cancellationToken.ThrowIfCancellationRequested();
            return FromException(requestError, cancellationToken)
                ?? new MarketplaceError.Transient($"No answer from TikTok: {requestError.Message}");
        }

        var headerId = RequestIdOf(response);
        if (response.IsSuccessStatusCode && response.Content is { } envelope)
        {
            return envelope.Code == TikTokShopErrorCodes.Success ? null
                : FromCode(envelope.Code, envelope.Message, envelope.RequestId ?? headerId, response.StatusCode);
        }

        var content = response.HasResponseError(out var apiError) ? apiError.Content : null;
        var body = ReadBody(content);
        var retryAfter = response.Headers?.RetryAfter?.Delta;
        if (body is { } read)
        {
            return FromCode(read.Code, read.Message, read.RequestId ?? headerId, response.StatusCode, retryAfter);
        }

        var text = string.Create(CultureInfo.InvariantCulture,
            $"HTTP {(int)(response.StatusCode ?? 0)} {response.ReasonPhrase}: {Excerpt(content) ?? "no readable body"}");
        var error = response.StatusCode == HttpStatusCode.TooManyRequests
            ? new MarketplaceError.RateLimited(retryAfter ?? DefaultRetryAfter, text)
            : FromStatus(response.StatusCode, text);
        return error with { RequestId = headerId };
    }

    /// <summary>A failure on the way to an answer, or null when <paramref name="error"/> must propagate (the caller's cancellation, a bug).</summary>
    public static MarketplaceError? FromException(Exception error, CancellationToken cancellationToken) =>
        MarketplaceTransportErrors.FromException(error, "TikTok", cancellationToken);

    /// <summary>TikTok's log id header, used when the body carries no request_id.</summary>
    public static string? RequestIdOf(IApiResponse response) =>
        response.Headers is { } headers && headers.TryGetValues("X-Tt-Logid", out var values) ? values.FirstOrDefault() : null;

    private static MarketplaceError FromStatus(HttpStatusCode? status, string text) => (int)(status ?? 0) switch
    {
        429 => new MarketplaceError.RateLimited(DefaultRetryAfter, text),
        401 => new MarketplaceError.AuthExpired(text),
        403 => new MarketplaceError.Misconfigured(text),
        404 => new MarketplaceError.NotFound(text),
        408 or >= 500 => new MarketplaceError.Transient(text),
        // A code this adapter does not know, on a 200 or another 4xx: staff should see it, not blind retries.
        _ => new MarketplaceError.Rejected(text),
    };

    private static WireEnvelope<WireEmpty>? ReadBody(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("code", out var code) || !code.TryGetInt64(out var value))
            {
                return null;
            }

            return new WireEnvelope<WireEmpty>(value, Text(root, "message"), Text(root, "request_id"), null);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Excerpt(string? content) =>
        string.IsNullOrWhiteSpace(content) ? null : content.Length <= 200 ? content : content[..200] + "…";
}
