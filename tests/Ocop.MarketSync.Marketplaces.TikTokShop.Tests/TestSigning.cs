using System.Security.Cryptography;
using System.Text;
using System.Web;

namespace Ocop.MarketSync.Marketplaces.TikTokShop.Tests;

/// <summary>
/// The test's own reading of a recorded request's signature, independent of the adapter's signer: it parses the URL
/// with System.Web, HMACs with a streaming hash, and compares.
/// </summary>
internal static class TestSigning
{
    public static string Expected(Uri url, byte[] body, string secret = TikTokShopHarness.AppSecret)
    {
        var query = HttpUtility.ParseQueryString(url.Query);
        var text = new StringBuilder(url.AbsolutePath);
        foreach (var key in query.AllKeys.OfType<string>().Where(k => k is not ("sign" or "access_token")).Order(StringComparer.Ordinal))
        {
            text.Append(key).Append(query[key]);
        }

        var key2 = Encoding.UTF8.GetBytes(secret);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key2);
        hmac.AppendData(key2);
        hmac.AppendData(Encoding.UTF8.GetBytes(text.ToString()));
        hmac.AppendData(body);
        hmac.AppendData(key2);
        return Convert.ToHexString(hmac.GetHashAndReset()).ToLowerInvariant();
    }

    public static string? Query(Uri url, string name) => HttpUtility.ParseQueryString(url.Query)[name];
}
