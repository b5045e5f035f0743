using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Ocop.MarketSync.Marketplaces.Shopee;

/// <summary>The app's partner id and partner key, from <c>{CredentialsRef}:PartnerId</c> and <c>{CredentialsRef}:PartnerKey</c>.</summary>
internal sealed record ShopeeCredentials(long PartnerId, string PartnerKey)
{
    public const string PartnerIdKey = "PartnerId";
    public const string PartnerKeyKey = "PartnerKey";

    /// <summary>Never the key: this record may end up in a log line.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"ShopeeCredentials {{ PartnerId = {PartnerId} }}");

    /// <summary>Null with the reason when the keys are missing or malformed (the reason names the key, never its value).</summary>
    public static ShopeeCredentials? TryRead(IConfiguration configuration, string? credentialsRef, out string? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(credentialsRef))
        {
            problem = "CredentialsRef is required: the name of the secret section holding PartnerId and PartnerKey.";
            return null;
        }

        var idText = configuration[credentialsRef + ":" + PartnerIdKey];
        var key = configuration[credentialsRef + ":" + PartnerKeyKey];
        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var partnerId) || partnerId <= 0)
        {
            problem = $"{credentialsRef}:{PartnerIdKey} must be set to the app's numeric partner_id.";
            return null;
        }

        if (string.IsNullOrEmpty(key))
        {
            problem = $"{credentialsRef}:{PartnerKeyKey} must be set to the app's partner key.";
            return null;
        }

        return new ShopeeCredentials(partnerId, key);
    }

    /// <exception cref="ShopeeConfigurationException">The keys are missing (the start-up check would have said so).</exception>
    public static ShopeeCredentials Read(IConfiguration configuration, string? credentialsRef) =>
        TryRead(configuration, credentialsRef, out var problem) ?? throw new ShopeeConfigurationException(problem!);
}
