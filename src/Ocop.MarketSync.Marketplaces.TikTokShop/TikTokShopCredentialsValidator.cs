using Microsoft.Extensions.Options;

namespace Ocop.MarketSync.Marketplaces.TikTokShop;

/// <summary>Both keys must be present; the message names the missing key, never a value.</summary>
internal sealed class TikTokShopCredentialsValidator : IValidateOptions<TikTokShopCredentials>
{
    public ValidateOptionsResult Validate(string? name, TikTokShopCredentials options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AppKey))
        {
            failures.Add($"{options.Section}:AppKey is required for channel '{name}' (the TikTok Shop app key).");
        }

        if (string.IsNullOrWhiteSpace(options.AppSecret))
        {
            failures.Add($"{options.Section}:AppSecret is required for channel '{name}' (the TikTok Shop app secret).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
