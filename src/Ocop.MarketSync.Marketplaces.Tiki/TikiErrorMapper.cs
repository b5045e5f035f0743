using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Ocop.MarketSync.Marketplaces.Tiki.Api;
using Ocop.MarketSync.Sync.Marketplaces;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Tiki;

/// <summary>
/// Tiki's answers in the port's taxonomy. Tiki has no error codes on the API, only a meaningful HTTP status and
/// <c>{"errors": [...]}</c> (or a top-level <c>error</c>) with texts (MARKETPLACES.md §5.3): the status decides, the
/// texts are kept verbatim in the message.
/// </summary>
internal sealed class TikiErrorMapper(TimeSpan defaultRetryAfter)
{
    /// <summary>The 403 of a product the shop may not update (#257): that item's fault, not the channel's.</summary>
    private const string ProductPermission = "permission to update this product";

    /// <summary>The failure of a whole call, or null when it succeeded.</summary>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public MarketplaceError? FromResponse<T>(IApiResponse<T> response, CancellationToken cancellationToken)
        where T : WireAnswer
    {
        if (response.HasRequestError(out var requestError))
        {
            cancellationToken.ThrowIfCancellationRequested();
            return FromException(requestError, cancellationToken) ?? new MarketplaceError.Transient($"No answer from Tiki: {requestError.Message}");
        }

        var status = (int)(response.StatusCode ?? 0);
        if (response.IsSuccessStatusCode)
        {
            // A 2xx whose body names errors is a refusal all the same (tiki_ex): read as a 400.
            var body = response.Content;
            var texts = body is null ? [] : Texts(body.Errors).Concat(Texts(body.Error)).ToList();
            return texts.Count == 0 ? null : FromStatus(400, Describe(status, texts), null);
        }

        var content = response.HasResponseError(out var apiError) ? apiError.Content : null;
        var read = ReadTexts(content);
        var text = Describe(status, read.Count > 0 ? read : [Excerpt(content) ?? response.ReasonPhrase ?? "no readable body"]);
        return FromStatus(status, text, response.Headers?.RetryAfter);
    }

    /// <summary>The error of an HTTP status with the text already formed.</summary>
    public MarketplaceError FromStatus(int status, string text, RetryConditionHeaderValue? retryAfter) => status switch
    {
        400 => new MarketplaceError.Rejected(text),
        401 => new MarketplaceError.AuthExpired(text),
        // A product of another seller, or the shop's "can update product" switch off for this product: that item only.
        403 when text.Contains(ProductPermission, StringComparison.OrdinalIgnoreCase) => new MarketplaceError.Rejected(text),
        403 => new MarketplaceError.Misconfigured(text),
        404 => new MarketplaceError.NotFound(text),
        // Wrong method or media type (#179, #209): our request is wrong for every call, a person fixes the adapter.
        405 or 406 or 415 => new MarketplaceError.Misconfigured(text),
        408 => new MarketplaceError.Transient(text),
        429 => new MarketplaceError.RateLimited(RetryAfterOf(retryAfter), text),
        >= 500 => new MarketplaceError.Transient(text),
        // Another 4xx (409, 422…): about this data; staff should see it rather than blind retries.
        _ => new MarketplaceError.Rejected(text),
    };

    /// <summary>A failure on the way to an answer, or null when <paramref name="error"/> must propagate.</summary>
    public static MarketplaceError? FromException(Exception error, CancellationToken cancellationToken) =>
        MarketplaceTransportErrors.FromException(error, "Tiki", cancellationToken);

    /// <summary>The texts of <c>errors</c> and <c>error</c> in an error body, in order; empty when unreadable.</summary>
    public static IReadOnlyList<string> ReadTexts(string? content) => ReadErrors(content).Select(e => e.Message).ToList();

    /// <summary>The errors of a body, each with the product id of its <c>meta</c> when it names one.</summary>
    public static IReadOnlyList<(string Message, long? ProductId)> ReadErrors(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            var found = new List<(string, long?)>();
            foreach (var name in new[] { "errors", "error" })
            {
                if (root.TryGetProperty(name, out var value))
                {
                    found.AddRange(Items(value));
                }
            }

            return found;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static string Describe(int status, IEnumerable<string> texts) =>
        string.Create(CultureInfo.InvariantCulture, $"Tiki HTTP {status}: {string.Join("; ", texts)}");

    private TimeSpan RetryAfterOf(RetryConditionHeaderValue? retryAfter) =>
        retryAfter?.Delta is { } delta && delta > TimeSpan.Zero ? delta
        : retryAfter?.Date is { } date && date > DateTimeOffset.UtcNow ? date - DateTimeOffset.UtcNow
        : defaultRetryAfter;

    private static IEnumerable<string> Texts(JsonElement? element) =>
        element is { } value ? Items(value).Select(i => i.Message) : [];

    private static IEnumerable<(string Message, long? ProductId)> Items(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when value.GetString() is { Length: > 0 } text:
                yield return (text, null);
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    foreach (var inner in Items(item))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonValueKind.Object:
                var message = value.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()
                    : value.GetRawText();
                long? id = value.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
                    && meta.TryGetProperty("id", out var idValue) && TryLong(idValue, out var parsed) ? parsed : null;
                yield return (message ?? value.GetRawText(), id);
                break;
        }
    }

    private static bool TryLong(JsonElement value, out long id)
    {
        id = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out id),
            JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out id),
            _ => false,
        };
    }

    private static string? Excerpt(string? content) =>
        string.IsNullOrWhiteSpace(content) ? null : content.Length <= 200 ? content : content[..200] + "…";
}
