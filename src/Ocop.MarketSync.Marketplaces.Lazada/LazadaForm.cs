using System.Text;

namespace Ocop.MarketSync.Marketplaces.Lazada;

/// <summary>Reads and writes <c>application/x-www-form-urlencoded</c> parameter lists (query strings and form bodies).</summary>
internal static class LazadaForm
{
    public static List<KeyValuePair<string, string>> Parse(string? encoded)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        foreach (var pair in (encoded ?? string.Empty).TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            parameters.Add(new(Decode(name), Decode(value)));
        }

        return parameters;
    }

    /// <summary>RFC 3986 escaping: the server decodes exactly the values that were signed.</summary>
    public static string Encode(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var encoded = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            encoded.Append(encoded.Length == 0 ? "" : "&").Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return encoded.ToString();
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
