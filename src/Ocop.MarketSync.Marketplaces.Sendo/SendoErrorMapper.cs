using System.Globalization;
using System.Text.Json;
using Ocop.MarketSync.Marketplaces.Sendo.Api;
using Ocop.MarketSync.Sync.Marketplaces;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Sendo;

/// <summary>
/// Sendo's answers in the port's taxonomy. Sendo has no documented error codes: the HTTP status decides, then the
/// envelope's <c>status_code</c> (which integrations report mirrors it), then <c>success: false</c> as a refusal
/// of the data. The raw status, status_code and error text are kept in every message.
/// </summary>
internal static class SendoErrorMapper
{
    /// <summary>Sendo documents no Retry-After for throttling; two seconds, then the engine's back-off.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(2);

    /// <summary>The failure of a whole call, or null when it succeeded (2xx with <c>success: true</c>).</summary>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public static MarketplaceError? FromResponse(IApiResponse<WireEnvelope> response, CancellationToken cancellationToken)
    {
        if (response.HasRequestError(out var requestError))
        {
            cancellationToken.ThrowIfCancellationRequested();
            return FromException(requestError, cancellationToken)
                ?? new MarketplaceError.Transient($"No answer from Sendo: {requestError.Message}");
        }

        var envelope = response.IsSuccessStatusCode ? response.Content
            : Read(response.HasResponseError(out var apiError) ? apiError.Content : null);
        if (response.IsSuccessStatusCode && envelope is { Success: true })
        {
            return null;
        }

        var http = (int)(response.StatusCode ?? 0);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Sendo HTTP {http}, status_code {envelope?.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "none"}: {ErrorText(envelope?.Error) ?? "no error text"}");
        var retryAfter = response.Headers?.RetryAfter?.Delta;
        // A 2xx that says success: false carries its real status in status_code.
        var status = response.IsSuccessStatusCode && envelope?.StatusCode is { } inner and not (>= 200 and < 300) ? inner : http;
        return FromStatus(status, text, retryAfter);
    }

    public static MarketplaceError FromStatus(int status, string text, TimeSpan? retryAfter = null) => status switch
    {
        429 => new MarketplaceError.RateLimited(retryAfter ?? DefaultRetryAfter, text),
        // Reached only after the auth handler logged in again once and Sendo still refused the new token.
        401 => new MarketplaceError.AuthExpired(text),
        // The shop's API access is switched off in seller centre: a person must turn it back on.
        403 => new MarketplaceError.Misconfigured(text),
        404 => new MarketplaceError.NotFound(text),
        408 or >= 500 => new MarketplaceError.Transient(text),
        // 400, 422, a success: false without a status: the data was refused; staff see Sendo's words.
        _ => new MarketplaceError.Rejected(text),
    };

    /// <summary>A failure on the way to an answer, or null when <paramref name="error"/> must propagate (the caller's cancellation, a bug).</summary>
    public static MarketplaceError? FromException(Exception error, CancellationToken cancellationToken) =>
        MarketplaceTransportErrors.FromException(error, "Sendo", cancellationToken,
            e => e is MarketplaceException marketplace ? marketplace.Error : null);

    /// <summary>The error text, whether Sendo sends a string, an object with message(s) or something else.</summary>
    public static string? ErrorText(JsonElement? error)
    {
        if (error is not { } value)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.Object when Text(value, "message") is { } message =>
                Text(value, "code") is { } code ? $"{code}: {message}" : message,
            _ => Excerpt(value.GetRawText()),
        };
    }

    public static WireEnvelope? Read(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<WireEnvelope>(content, SendoJson.Options);
        }
        catch (JsonException)
        {
            // Not JSON (a gateway's HTML page): its beginning is the error text.
            return new WireEnvelope(null, false, JsonSerializer.SerializeToElement(Excerpt(content)), null);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static string Excerpt(string content) => content.Length <= 300 ? content : content[..300] + "…";
}
