using Microsoft.Extensions.Options;

namespace Ocop.MarketSync.Marketplaces.Tiki;

/// <summary>Both keys must be present; the message names the missing key, never a value.</summary>
internal sealed class TikiCredentialsValidator : IValidateOptions<TikiCredentials>
{
    public ValidateOptionsResult Validate(string? name, TikiCredentials options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add($"{options.Section}:ClientId is required for channel '{name}' (the Tiki app's OAuth2 client id).");
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add($"{options.Section}:ClientSecret is required for channel '{name}' (the Tiki app's OAuth2 client secret).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
