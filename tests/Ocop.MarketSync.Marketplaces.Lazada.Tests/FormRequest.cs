using System.Security.Cryptography;
using System.Text;
using System.Web;
using WireMock;

namespace Ocop.MarketSync.Marketplaces.Lazada.Tests;

/// <summary>Reads what the adapter sent, and signs it again the simplest way, written out in this test project.</summary>
public static class FormRequest
{
    public static Dictionary<string, string> Parameters(IRequestMessage request)
    {
        var form = HttpUtility.ParseQueryString(request.Body ?? string.Empty);
        var query = HttpUtility.ParseQueryString(new Uri(request.Url).Query);
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var collection in new[] { query, form })
        {
            foreach (var key in collection.AllKeys.OfType<string>())
            {
                all.Add(key, collection[key]!);
            }
        }

        return all;
    }

    /// <summary>The reference: path + name/value pairs sorted by ordinal name, HMAC-SHA256, upper hex.</summary>
    public static string ReferenceSign(string apiPath, IReadOnlyDictionary<string, string> parameters, string secret)
    {
        var text = apiPath + string.Concat(parameters.Where(p => p.Key != "sign").OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + p.Value));
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return string.Concat(hmac.ComputeHash(Encoding.UTF8.GetBytes(text)).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
