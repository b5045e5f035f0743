using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Ocop.MarketSync.Marketplaces.TikTokShop;

/// <summary>
/// Puts the common parameters and the signature on a request about to be sent, and freezes its body: the bytes
/// signed are read once and sent as they are, so no serializer can change them in between.
/// </summary>
internal static class TikTokShopRequestSigning
{
    public const string AccessTokenHeader = "x-tts-access-token";

    /// <summary>Authorization and seller APIs refuse <c>shop_cipher</c> (36009004); every other API needs it (106013).</summary>
    public static bool IsShopScoped(string path) =>
        !path.StartsWith("/authorization/", StringComparison.Ordinal) && !path.StartsWith("/seller/", StringComparison.Ordinal);

    /// <summary>Reads the body once (unless multipart, which is not signed) and replaces it by those exact bytes.</summary>
    public static async Task<byte[]> FreezeBodyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not { } content || IsMultipart(content))
        {
            return [];
        }

        var bytes = await content.ReadAsByteArrayAsync(cancellationToken);
        var frozen = new ByteArrayContent(bytes);
        foreach (var header in content.Headers)
        {
            frozen.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        frozen.Headers.ContentLength = bytes.Length;
        request.Content = frozen;
        return bytes;
    }

    /// <summary>
    /// Rewrites the query with <c>app_key</c>, <c>timestamp</c> (seconds), <c>shop_cipher</c> when given, and
    /// <c>sign</c>; empty-valued parameters are dropped from both the URL and the signature. Sets the access token header.
    /// </summary>
    public static void Sign(
        HttpRequestMessage request, byte[] body, string appKey, string appSecret, string? accessToken, string? shopCipher, DateTimeOffset now)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var parameters = ParseQuery(uri.Query)
            .Where(p => p.Value.Length > 0 && !TikTokShopSigner.IsUnsigned(p.Key) && p.Key is not ("app_key" or "timestamp" or "shop_cipher"))
            .ToList();
        parameters.Add(new("app_key", appKey));
        parameters.Add(new("timestamp", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        if (shopCipher is not null)
        {
            parameters.Add(new("shop_cipher", shopCipher));
        }

        var sign = TikTokShopSigner.Sign(uri.AbsolutePath, parameters, body, appSecret);
        parameters.Add(new("sign", sign));
        var query = string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        request.RequestUri = new UriBuilder(uri) { Query = query }.Uri;
        request.Headers.Remove(AccessTokenHeader);
        if (accessToken is not null)
        {
            request.Headers.TryAddWithoutValidation(AccessTokenHeader, accessToken);
        }
    }

    /// <summary>Query parameters with their values unescaped, in URL order.</summary>
    public static List<KeyValuePair<string, string>> ParseQuery(string query)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            result.Add(new(Unescape(key), Unescape(value)));
        }

        return result;
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static bool IsMultipart(HttpContent content) =>
        content is MultipartContent
        || string.Equals(content.Headers.ContentType?.MediaType, "multipart/form-data", StringComparison.OrdinalIgnoreCase);

    /// <summary>JSON content with the exact bytes given (tests and the authorizer build bodies this way).</summary>
    public static ByteArrayContent Json(string json)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}
