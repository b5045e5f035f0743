using Microsoft.Extensions.Configuration;

namespace Ocop.MarketSync.Marketplaces.Lazada;

/// <summary>The app's key and secret, from <c>{CredentialsRef}:AppKey</c> and <c>{CredentialsRef}:AppSecret</c>.</summary>
internal sealed record LazadaCredentials(string AppKey, string AppSecret)
{
    /// <summary>Never the secret: this record may end up in logs.</summary>
    public override string ToString() => $"LazadaCredentials {{ AppKey = {AppKey} }}";

    /// <summary>Read on every call, so rotated secrets are used without a restart.</summary>
    /// <exception cref="LazadaConfigurationException">A key is missing; the message names it.</exception>
    public static LazadaCredentials Read(IConfiguration configuration, string channelId, string? credentialsRef)
    {
        if (string.IsNullOrWhiteSpace(credentialsRef))
        {
            throw new LazadaConfigurationException($"Channels:{channelId}:CredentialsRef is required: it names the section holding AppKey and AppSecret.");
        }

        string Required(string key) => configuration[$"{credentialsRef}:{key}"] is { Length: > 0 } value ? value
            : throw new LazadaConfigurationException($"{credentialsRef}:{key} is not set (Channels:{channelId}:CredentialsRef = {credentialsRef}).");

        return new LazadaCredentials(Required("AppKey"), Required("AppSecret"));
    }
}

/// <summary>Our configuration for a Lazada channel is incomplete: a person must fix it; retrying cannot help.</summary>
public sealed class LazadaConfigurationException(string message) : Exception(message);
