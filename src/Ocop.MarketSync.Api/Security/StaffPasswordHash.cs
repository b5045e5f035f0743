using Microsoft.AspNetCore.Identity;

namespace Ocop.MarketSync.Api.Security;

/// <summary>
/// Password hashes of configured logins: ASP.NET Core Identity's format (PBKDF2-HMAC-SHA512, 100,000 iterations,
/// random salt, version byte 0x01), so a standard, reviewed implementation does the hashing and the constant-time check.
/// </summary>
public static class StaffPasswordHash
{
    private static readonly PasswordHasher<string> Hasher = new();

    /// <summary>What <c>staff hash-password</c> prints.</summary>
    public static string Hash(string password) => Hasher.HashPassword(string.Empty, password);

    public static bool Verify(string hash, string password) =>
        Hasher.VerifyHashedPassword(string.Empty, hash, password) != PasswordVerificationResult.Failed;

    /// <summary>A version-3 hash: base64, marker 0x01, PRF, iterations and salt length, salt of 16+ and subkey of 32 bytes.</summary>
    public static bool LooksValid(string? hash)
    {
        if (string.IsNullOrWhiteSpace(hash))
        {
            return false;
        }

        var bytes = new byte[hash.Length];
        return Convert.TryFromBase64String(hash, bytes, out var length) && length >= 13 + 16 + 32 && bytes[0] == 0x01;
    }
}
