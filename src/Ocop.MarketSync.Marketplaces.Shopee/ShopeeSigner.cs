using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ocop.MarketSync.Marketplaces.Shopee;

/// <summary>
/// Shopee Open Platform v2 signatures. Kept apart from every other marketplace's signer on purpose: Shopee wants
/// lowercase hex, Lazada uppercase, and a shared "HmacHex" helper is the classic way to break one of them.
/// </summary>
public static class ShopeeSigner
{
    /// <summary>
    /// The base string: partner_id + api_path + timestamp, then access_token + shop_id for shop-level calls.
    /// Numbers are plain invariant decimal text; the path includes <c>/api/v2</c> and no query. Nothing else is signed.
    /// </summary>
    public static string BaseString(long partnerId, string apiPath, long timestamp, string? accessToken = null, long? shopId = null)
    {
        var builder = new StringBuilder()
            .Append(partnerId.ToString(CultureInfo.InvariantCulture))
            .Append(apiPath)
            .Append(timestamp.ToString(CultureInfo.InvariantCulture));
        if (accessToken is not null)
        {
            builder.Append(accessToken);
            if (shopId is { } shop)
            {
                builder.Append(shop.ToString(CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>Lowercase hex HMAC-SHA256 of the base string, keyed with the partner key's UTF-8 bytes.</summary>
    public static string Sign(string partnerKey, long partnerId, string apiPath, long timestamp, string? accessToken = null, long? shopId = null) =>
        HmacLowerHex(partnerKey, Encoding.UTF8.GetBytes(BaseString(partnerId, apiPath, timestamp, accessToken, shopId)));

    /// <summary>
    /// The push (webhook) signature: lowercase hex HMAC-SHA256 over <c>callback_url + "|" + raw body</c>. The body
    /// is taken as the bytes received, never re-encoded, so one changed byte changes the signature.
    /// </summary>
    public static string PushSignature(string partnerKey, string callbackUrl, ReadOnlySpan<byte> rawBody)
    {
        var prefix = Encoding.UTF8.GetBytes(callbackUrl + "|");
        var message = new byte[prefix.Length + rawBody.Length];
        prefix.CopyTo(message, 0);
        rawBody.CopyTo(message.AsSpan(prefix.Length));
        return HmacLowerHex(partnerKey, message);
    }

    /// <summary>Compares two hex signatures in constant time, ignoring case (Shopee sends lowercase).</summary>
    public static bool SignaturesEqual(string expected, string? actual) =>
        actual is not null
        && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual.Trim().ToLowerInvariant()));

    private static string HmacLowerHex(string partnerKey, byte[] message) =>
        // Convert.ToHexString is uppercase; Shopee compares lowercase.
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(partnerKey), message)).ToLowerInvariant();
}
