using Microsoft.Extensions.Options;

namespace Ocop.MarketSync.Api.Security;

public sealed class StaffOptionsValidator : IValidateOptions<StaffOptions>
{
    public const int MinimumPasswordLength = 12;

    public ValidateOptionsResult Validate(string? name, StaffOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.Password))
        {
            if (!options.GeneratePassword && options.Users.Count == 0)
            {
                failures.Add("Staff:Password is required (set Staff__Password in the environment), or configure logins in Staff:Users, or set Staff:GeneratePassword=true for a local run.");
            }
        }
        else if (options.Password.Length < MinimumPasswordLength)
        {
            failures.Add($"Staff:Password must be at least {MinimumPasswordLength} characters long.");
        }

        foreach (var (user, login) in options.Users)
        {
            var key = $"Staff:Users:{user}";
            if (string.Equals(user, options.Username, StringComparison.Ordinal) && (!string.IsNullOrEmpty(options.Password) || options.GeneratePassword))
            {
                failures.Add($"{key} has the name of the built-in login Staff:Username ('{user}'); give it another name or set Staff:Username apart.");
            }

            if (!StaffRoles.IsKnown(login.Role))
            {
                failures.Add($"{key}:Role must be '{StaffRoles.Viewer}' or '{StaffRoles.Operator}' (got '{login.Role}').");
            }

            if (!StaffPasswordHash.LooksValid(login.PasswordHash))
            {
                failures.Add($"{key}:PasswordHash is missing or not a password hash; produce one with: dotnet run --project src/Ocop.MarketSync.Worker -- staff hash-password");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
