using System.ComponentModel.DataAnnotations;

namespace Ocop.MarketSync.Api.Security;

/// <summary>Section <c>Staff</c>: the logins for the dashboard and for API calls that change anything.</summary>
public sealed class StaffOptions
{
    public const string SectionName = "Staff";

    /// <summary>The built-in operator login (the embedded default's, with its generated password).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Staff:Username is required.")]
    public string Username { get; set; } = "staff";

    /// <summary>
    /// The built-in operator's password: required (12+ characters) unless <see cref="GeneratePassword"/> is on or
    /// <see cref="Users"/> has logins. Comes from the environment or a secret store, never from config/.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>
    /// Embedded default only: when no password is configured, generate one at start and print it once to the
    /// console (not to the logs). Off in production, where a missing password fails the start.
    /// </summary>
    public bool GeneratePassword { get; set; }

    /// <summary><c>Staff:Users:{name}</c>: more logins, each with a role and a password hash (never the password).</summary>
    public Dictionary<string, StaffUserOptions> Users { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>One configured login: <c>Staff:Users:{name}:Role</c> and <c>Staff:Users:{name}:PasswordHash</c>.</summary>
public sealed class StaffUserOptions
{
    /// <summary><c>viewer</c> (sees everything, changes nothing) or <c>operator</c> (all actions).</summary>
    public string? Role { get; set; }

    /// <summary>ASP.NET Core Identity's PBKDF2 hash (version 3), as printed by <c>staff hash-password</c>.</summary>
    public string? PasswordHash { get; set; }
}

/// <summary>The two roles.</summary>
public static class StaffRoles
{
    public const string Viewer = "viewer";
    public const string Operator = "operator";

    public static bool IsKnown(string? role) => role is Viewer or Operator;
}
