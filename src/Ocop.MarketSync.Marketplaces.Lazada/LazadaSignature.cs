using System.Security.Cryptography;
using System.Text;

namespace Ocop.MarketSync.Marketplaces.Lazada;

/// <summary>
/// The lazop signature: UPPERCASE hex HMAC-SHA256 (key = app secret) over the API path (without <c>/rest</c>)
/// followed by every sent parameter but <c>sign</c>, sorted by name in ordinal order, as name + raw value.
/// And the push (webhook) signature: lowercase hex HMAC-SHA256 over app key + raw body.
/// </summary>
internal static class LazadaSignature
{
    public static string Sign(string apiPath, IEnumerable<KeyValuePair<string, string>> parameters, string appSecret)
    {
        var message = new StringBuilder(apiPath);
        // Ordinal, never the culture-sensitive default: "_" and upper-case letters sort differently otherwise.
        foreach (var (name, value) in parameters.Where(p => p.Key != "sign").OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            message.Append(name).Append(value);
        }

        // Convert.ToHexString is upper-case, which is what Lazada wants (Shopee and TikTok want lower).
        return Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(message.ToString())));
    }

    public static string SignPush(string appKey, ReadOnlySpan<byte> rawBody, string appSecret)
    {
        var keyBytes = Encoding.UTF8.GetBytes(appKey);
        var message = new byte[keyBytes.Length + rawBody.Length];
        keyBytes.CopyTo(message, 0);
        rawBody.CopyTo(message.AsSpan(keyBytes.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), message));
    }
}
