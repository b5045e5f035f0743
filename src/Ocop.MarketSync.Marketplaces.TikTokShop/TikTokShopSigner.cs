using System.Security.Cryptography;
using System.Text;

namespace Ocop.MarketSync.Marketplaces.TikTokShop;

/// <summary>
/// The TikTok Shop request signature (MARKETPLACES.md §4.3): lowercase hex HMAC-SHA256, keyed with the app secret,
/// over <c>secret + path + Σ(key + value) + body + secret</c>, the query parameters sorted by key (ordinal) without
/// <c>sign</c> and <c>access_token</c>, the body being the exact bytes sent (none for GET and multipart uploads).
/// </summary>
public static class TikTokShopSigner
{
    /// <summary>Parameters that never take part in the signature.</summary>
    public static bool IsUnsigned(string key) => key is "sign" or "access_token";

    /// <param name="path">The URL path only, e.g. <c>/product/202309/products</c>.</param>
    /// <param name="parameters">The query parameters as sent (unescaped values).</param>
    /// <param name="body">The body bytes exactly as sent; empty when there is none or it is multipart.</param>
    public static string Sign(string path, IEnumerable<KeyValuePair<string, string>> parameters, ReadOnlySpan<byte> body, string appSecret)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var text = new StringBuilder(appSecret).Append(path);
        foreach (var (key, value) in parameters.Where(p => !IsUnsigned(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append(value);
        }

        var head = Encoding.UTF8.GetBytes(text.ToString());
        var tail = Encoding.UTF8.GetBytes(appSecret);
        var message = new byte[head.Length + body.Length + tail.Length];
        head.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(head.Length));
        tail.CopyTo(message, head.Length + body.Length);
        // Lowercase is mandatory: an uppercase signature is refused as invalid (SKIT issue #37).
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), message));
    }

    /// <summary>The webhook signature: lowercase hex HMAC-SHA256(app_secret, app_key + raw body).</summary>
    public static string SignWebhook(string appKey, ReadOnlySpan<byte> rawBody, string appSecret)
    {
        var key = Encoding.UTF8.GetBytes(appKey);
        var message = new byte[key.Length + rawBody.Length];
        key.CopyTo(message, 0);
        rawBody.CopyTo(message.AsSpan(key.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), message));
    }
}
