using System.Security.Cryptography;
using System.Text;

namespace Ocop.MarketSync.Sync.Operations;

/// <summary>
/// The one signature scheme of our own callbacks, both directions (registry → us, us → notice webhook):
/// <c>sha256=</c> + lowercase hex HMAC-SHA256 of <c>{timestamp}.{raw body}</c>, the timestamp in Unix seconds.
/// </summary>
public static class TimestampedHmac
{
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var signed = new byte[timestamp.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(timestamp, signed);
        signed[timestamp.Length] = (byte)'.';
        body.CopyTo(signed.AsSpan(timestamp.Length + 1));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>Constant time: how much of a guess matched must not leak through the answer's timing.</summary>
    public static bool Matches(string expected, string received) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(received));
}
