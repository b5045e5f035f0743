using System.Net;
using System.Text.Json;
using Ocop.MarketSync.Marketplaces.Sandbox.Api;
using Ocop.MarketSync.Sync.Marketplaces;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Sandbox;

/// <summary>
/// Every way a sandbox call can fail, in the port's taxonomy. Whole calls: 429 → RateLimited (Retry-After),
/// 401/403 → AuthExpired, 408/5xx, timeouts, connection errors and lost or unreadable answers → Transient, other
/// 4xx → Rejected (our request is wrong: retrying it unchanged cannot help). Per item: <c>not_found</c> → NotFound,
/// <c>rejected</c> → Rejected with the marketplace's message, <c>image_not_uploaded</c> → Rejected naming the option
/// that uploads images.
/// </summary>
internal static class SandboxErrorMapper
{
    public const string RequestIdHeader = "X-Request-Id";

    /// <summary>Used when a 429 carries no usable Retry-After.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    public static MarketplaceError FromItemError(WireError error, string? requestId)
    {
        var message = error.Message ?? error.Code ?? "no message";
        MarketplaceError mapped = error.Code switch
        {
            "not_found" => new MarketplaceError.NotFound(message),
            "rejected" => new MarketplaceError.Rejected(message),
            // The shop takes only its own image ids: retrying the same URLs cannot help, the channel's options must change.
            "image_not_uploaded" => new MarketplaceError.Rejected($"{message} (set Sandbox:UploadImages=true for this channel)"),
            "rate_limited" => new MarketplaceError.RateLimited(DefaultRetryAfter, message),
            "unavailable" => new MarketplaceError.Transient(message),
            "unauthorized" => new MarketplaceError.AuthExpired(message),
            // A code this adapter does not know yet: staff should see it rather than the engine retrying blindly.
            _ => new MarketplaceError.Rejected($"{error.Code}: {message}"),
        };
        return mapped with { RequestId = requestId };
    }

    /// <summary>The failure of a whole call, or null when it succeeded with a readable body.</summary>
    /// <exception cref="OperationCanceledException">The caller cancelled: not a marketplace failure.</exception>
    public static MarketplaceError? FromResponse(IApiResponse response, TimeProvider time, CancellationToken cancellationToken)
    {
        if (response.HasRequestError(out var requestError))
        {
            cancellationToken.ThrowIfCancellationRequested();
            return FromException(requestError, cancellationToken)
                ?? new MarketplaceError.Transient($"No answer from the marketplace: {requestError.Message}");
        }

        var requestId = RequestIdOf(response);
        if (response.IsSuccessStatusCode)
        {
            return response.Error is { } unreadable
                ? new MarketplaceError.Transient($"The marketplace's answer could not be read: {Innermost(unreadable).Message}") { RequestId = requestId }
                : null;
        }

        var body = ReadErrorBody(response.HasResponseError(out var apiError) ? apiError.Content : null);
        var status = (int)(response.StatusCode ?? 0);
        var message = $"HTTP {status} {body?.Code ?? response.ReasonPhrase}: {body?.Message ?? "no error body"}";
        MarketplaceError error = response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => new MarketplaceError.RateLimited(RetryAfterOf(response, time), message),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new MarketplaceError.AuthExpired(message),
            HttpStatusCode.RequestTimeout => new MarketplaceError.Transient(message),
            _ when status >= 500 => new MarketplaceError.Transient(message),
            _ => new MarketplaceError.Rejected(message),
        };
        return error with { RequestId = requestId ?? body?.RequestId };
    }

    /// <summary>
    /// A failure on the way to an answer (timeout, connection refused or reset, aborted answer), or null when
    /// <paramref name="error"/> is something else, or the caller's own cancellation, and must propagate.
    /// </summary>
    public static MarketplaceError? FromException(Exception error, CancellationToken cancellationToken) =>
        MarketplaceTransportErrors.FromException(error, "the marketplace", cancellationToken);

    private static TimeSpan RetryAfterOf(IApiResponse response, TimeProvider time)
    {
        var header = response.Headers?.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : DefaultRetryAfter);
        return wait > TimeSpan.Zero ? wait : DefaultRetryAfter;
    }

    /// <summary>The marketplace's id of the call (<c>X-Request-Id</c>), for support tickets and the audit trail.</summary>
    public static string? RequestIdOf(IApiResponse response) =>
        response.Headers is { } headers && headers.TryGetValues(RequestIdHeader, out var values) ? values.FirstOrDefault() : null;

    private static WireError? ReadErrorBody(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<WireError>(content, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            // A proxy's HTML error page, not the marketplace's JSON: keep a bit of it as the message.
            return new WireError(null, content.Length <= 200 ? content : content[..200] + "…");
        }
    }

    private static Exception Innermost(Exception error) => error.InnerException is { } inner ? Innermost(inner) : error;
}
