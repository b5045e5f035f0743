namespace Ocop.MarketSync.Marketplaces.Tiki;

/// <summary>
/// The app's OAuth2 client, from the secret section named by the channel's <c>CredentialsRef</c> (e.g. environment
/// variables <c>TIKI_HCM__CLIENTID</c> and <c>TIKI_HCM__CLIENTSECRET</c> for <c>CredentialsRef=TIKI_HCM</c>). Never in config/.
/// </summary>
public sealed class TikiCredentials
{
    public string ClientId { get; set; } = string.Empty;

    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>The configuration section these were read from, for error messages (never the values).</summary>
    internal string Section { get; set; } = string.Empty;
}
