using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Ocop.MarketSync.Api.Security;

/// <summary>The one staff login, with the password either configured or generated at start.</summary>
public sealed class StaffCredentials
{
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private readonly byte[] _passwordHash;

    public StaffCredentials(IOptions<StaffOptions> options)
    {
        var staff = options.Value;
        Username = staff.Username;
        var password = staff.Password;
        if (string.IsNullOrEmpty(password))
        {
            password = RandomNumberGenerator.GetString(Alphabet, 20);
            GeneratedPassword = password;
        }

        _passwordHash = SHA256.HashData(Encoding.UTF8.GetBytes(password));
    }

    public string Username { get; }

    /// <summary>Set only when the password was generated: the start-up banner prints it once.</summary>
    public string? GeneratedPassword { get; }

    /// <summary>Constant-time check, so response time tells nothing about how much of the password matched.</summary>
    public bool Verify(string? username, string? password)
    {
        if (username is null || password is null)
        {
            return false;
        }

        var userOk = CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(username)), SHA256.HashData(Encoding.UTF8.GetBytes(Username)));
        var passwordOk = CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(password)), _passwordHash);
        return userOk & passwordOk;
    }
}
