using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Ocop.MarketSync.Api.Security;

/// <summary>
/// The staff logins: the built-in operator (<c>Staff:Username</c>, its password configured or generated at start)
/// and the logins of <c>Staff:Users</c> with their roles and password hashes.
/// </summary>
public sealed class StaffCredentials
{
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>Verified against for unknown user names, so the answer takes as long as for a known one.</summary>
    private static readonly string DummyHash = StaffPasswordHash.Hash(RandomNumberGenerator.GetString(Alphabet, 20));

    private readonly byte[]? _passwordHash;
    private readonly Dictionary<string, StaffUserOptions> _users;

    public StaffCredentials(IOptions<StaffOptions> options)
    {
        var staff = options.Value;
        Username = staff.Username;
        _users = new Dictionary<string, StaffUserOptions>(staff.Users, StringComparer.Ordinal);
        var password = staff.Password;
        if (string.IsNullOrEmpty(password) && staff.GeneratePassword)
        {
            password = RandomNumberGenerator.GetString(Alphabet, 20);
            GeneratedPassword = password;
        }

        _passwordHash = string.IsNullOrEmpty(password) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(password));
    }

    /// <summary>The built-in operator's user name.</summary>
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

        if (_users.TryGetValue(username, out var login) && login.PasswordHash is { } hash)
        {
            return StaffPasswordHash.Verify(hash, password);
        }

        var userOk = CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(username)), SHA256.HashData(Encoding.UTF8.GetBytes(Username)));
        if (_passwordHash is null || !userOk)
        {
            StaffPasswordHash.Verify(DummyHash, password);
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(password)), _passwordHash);
    }

    /// <summary>The role of a login that <see cref="Verify"/> accepted: the built-in login is an operator.</summary>
    public string RoleOf(string username) =>
        _users.TryGetValue(username, out var login) ? login.Role ?? StaffRoles.Viewer : StaffRoles.Operator;
}
