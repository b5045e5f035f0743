using Microsoft.Extensions.Options;

namespace Ocop.MarketSync.Marketplaces.Sendo;

/// <summary>
/// The shop's API keys from Sendo's seller centre, and our webhook secret, from the secret section named by the
/// channel's <c>CredentialsRef</c> (e.g. environment variables <c>SENDO_HN__SHOPKEY</c>, <c>SENDO_HN__SECRETKEY</c>
/// and <c>SENDO_HN__WEBHOOKSECRET</c> for <c>CredentialsRef=SENDO_HN</c>). Never in config/.
/// </summary>
public sealed class SendoCredentials
{
    public string ShopKey { get; set; } = string.Empty;

    public string SecretKey { get; set; } = string.Empty;

    /// <summary>
    /// The secret in the webhook URL registered in Sendo's seller centre
    /// (<c>https://{our host}/api/marketplaces/sendo/webhook?key={WebhookSecret}</c>). Sendo signs nothing (§6.3), so
    /// this secret is the only proof a push is meant for us. Optional: without it the channel takes no webhooks.
    /// </summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The configuration section these were read from, for error messages (never the values).</summary>
    internal string Section { get; set; } = string.Empty;
}

/// <summary>Both keys must be present, a webhook secret long enough; messages name the key, never a value.</summary>
internal sealed class SendoCredentialsValidator : IValidateOptions<SendoCredentials>
{
    /// <summary>A guessable webhook secret is no protection: Sendo signs nothing.</summary>
    public const int MinWebhookSecretLength = 24;

    public ValidateOptionsResult Validate(string? name, SendoCredentials options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ShopKey))
        {
            failures.Add($"{options.Section}:ShopKey is required for channel '{name}' (the Sendo shop_key from seller centre).");
        }

        if (string.IsNullOrWhiteSpace(options.SecretKey))
        {
            failures.Add($"{options.Section}:SecretKey is required for channel '{name}' (the Sendo secret_key from seller centre).");
        }

        if (options.WebhookSecret is { Length: > 0 } secret
            && (secret.Length < MinWebhookSecretLength || !secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            failures.Add($"{options.Section}:WebhookSecret of channel '{name}' must be a random secret of at least {MinWebhookSecretLength} letters, digits, '-' or '_' (it has {secret.Length} characters).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
