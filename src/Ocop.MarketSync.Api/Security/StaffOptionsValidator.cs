using Microsoft.Extensions.Options;

namespace Ocop.MarketSync.Api.Security;

internal sealed class StaffOptionsValidator : IValidateOptions<StaffOptions>
{
    public const int MinimumPasswordLength = 12;

    public ValidateOptionsResult Validate(string? name, StaffOptions options)
    {
        if (string.IsNullOrEmpty(options.Password))
        {
            return options.GeneratePassword
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("Staff:Password is required (set Staff__Password in the environment), or set Staff:GeneratePassword=true for a local run.");
        }

        return options.Password.Length < MinimumPasswordLength
            ? ValidateOptionsResult.Fail($"Staff:Password must be at least {MinimumPasswordLength} characters long.")
            : ValidateOptionsResult.Success;
    }
}
