namespace Ocop.MarketSync.Marketplaces.TikTokShop;

/// <summary>
/// The app's keys, from the secret section named by the channel's <c>CredentialsRef</c> (e.g. environment variables
/// <c>TTS_HCM__APPKEY</c> and <c>TTS_HCM__APPSECRET</c> for <c>CredentialsRef=TTS_HCM</c>). Never in config/.
/// </summary>
public sealed class TikTokShopCredentials
{
    public string AppKey { get; set; } = string.Empty;

    public string AppSecret { get; set; } = string.Empty;

    /// <summary>The configuration section these were read from, for error messages (never the values).</summary>
    internal string Section { get; set; } = string.Empty;
}
