using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Ocop.MarketSync.Sandbox.TikTokShop;

/// <summary>
/// The simulator's own check of a signed request, written apart from the adapter's signer on purpose: it reads the
/// query as ASP.NET Core decoded it and the body bytes as received, so a bug in the adapter cannot agree with itself.
/// </summary>
internal static class TikTokShopSignatureCheck
{
    public static string Expected(HttpRequest request, byte[] body, string appSecret)
    {
        var secret = Encoding.UTF8.GetBytes(appSecret);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        hmac.AppendData(secret);
        hmac.AppendData(Encoding.UTF8.GetBytes(request.PathBase.Add(request.Path).Value ?? string.Empty));
        foreach (var key in request.Query.Keys.Where(k => k is not ("sign" or "access_token")).Order(StringComparer.Ordinal))
        {
            hmac.AppendData(Encoding.UTF8.GetBytes(key + request.Query[key]));
        }

        var multipart = request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) ?? false;
        if (!multipart)
        {
            hmac.AppendData(body);
        }

        hmac.AppendData(secret);
        return Convert.ToHexString(hmac.GetHashAndReset()).ToLower(CultureInfo.InvariantCulture);
    }

    /// <summary>Case-sensitive: an uppercase signature is refused, as TikTok refuses it.</summary>
    public static bool Matches(HttpRequest request, byte[] body, string appSecret) =>
        string.Equals(Expected(request, body, appSecret), request.Query["sign"].ToString(), StringComparison.Ordinal);
}
