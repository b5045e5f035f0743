using System.ComponentModel.DataAnnotations;

namespace Ocop.MarketSync.Api.Security;

/// <summary>Section <c>Staff</c>: the login for the dashboard and for API calls that change anything.</summary>
public sealed class StaffOptions
{
    public const string SectionName = "Staff";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Staff:Username is required.")]
    public string Username { get; set; } = "staff";

    /// <summary>Required (12+ characters) unless <see cref="GeneratePassword"/> is on. Comes from the environment or a secret store, never from config/.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// Embedded default only: when no password is configured, generate one at start and print it once to the
    /// console (not to the logs). Off in production, where a missing password fails the start.
    /// </summary>
    public bool GeneratePassword { get; set; }
}
