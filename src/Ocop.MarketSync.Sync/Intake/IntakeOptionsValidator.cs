using Microsoft.Extensions.Options;

namespace Ocop.MarketSync.Sync.Intake;

/// <summary>Checks what DataAnnotations cannot: the time zone exists on this machine.</summary>
internal sealed class IntakeOptionsValidator : IValidateOptions<IntakeOptions>
{
    public ValidateOptionsResult Validate(string? name, IntakeOptions options)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            return ValidateOptionsResult.Fail(
                $"Intake:TimeZone '{options.TimeZone}' is not a time zone known to this machine (is tzdata installed?).");
        }

        return ValidateOptionsResult.Success;
    }
}
