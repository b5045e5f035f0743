using System.Security.Cryptography;
using System.Text;

namespace Ocop.MarketSync.Sandbox.Lazada;

/// <summary>
/// The gateway's own check of the lazop signature, written apart from the adapter's signer so that one shared
/// mistake cannot pass both: API path, then every received parameter except <c>sign</c>, ordered by the bytes of
/// its name, name then value, HMAC-SHA256 with the app secret, upper-case hex.
/// </summary>
internal static class LazadaSimulatorSignature
{
    public static string Expected(string apiPath, IReadOnlyDictionary<string, string> received, string appSecret)
    {
        var names = received.Keys.Where(n => n != "sign").Select(n => (Name: n, Bytes: Encoding.UTF8.GetBytes(n))).ToList();
        names.Sort((a, b) => a.Bytes.AsSpan().SequenceCompareTo(b.Bytes));
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(appSecret));
        hmac.AppendData(Encoding.UTF8.GetBytes(apiPath));
        foreach (var (name, bytes) in names)
        {
            hmac.AppendData(bytes);
            hmac.AppendData(Encoding.UTF8.GetBytes(received[name]));
        }

        var hash = hmac.GetHashAndReset();
        var hex = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            hex.Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 0xF]);
        }

        return hex.ToString();
    }

    public static bool Matches(string apiPath, IReadOnlyDictionary<string, string> received, string appSecret) =>
        received.TryGetValue("sign", out var sign)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Expected(apiPath, received, appSecret)), Encoding.ASCII.GetBytes(sign));

    /// <summary>What a push message carries in <c>Authorization</c>: lower-case hex HMAC over app key + body.</summary>
    public static string Push(string appKey, string appSecret, byte[] body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(appSecret));
        hmac.AppendData(Encoding.UTF8.GetBytes(appKey));
        hmac.AppendData(body);
        return Convert.ToHexString(hmac.GetHashAndReset()).ToLowerInvariant();
    }
}
