using System.Text.Json.Serialization;

namespace Ocop.MarketSync.Marketplaces.Lazada.Api;

/// <summary>The answer of <c>/auth/token/create</c> and <c>/auth/token/refresh</c>: flat, not under <c>data</c>.</summary>
internal sealed record WireToken
{
    [JsonPropertyName("code")]
    [JsonConverter(typeof(LazadaCodeConverter))]
    public string? Code { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("request_id")]
    public string? RequestId { get; init; }

    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; init; }

    /// <summary>Seconds from now.</summary>
    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; init; }

    /// <summary>Seconds from now.</summary>
    [JsonPropertyName("refresh_expires_in")]
    public long? RefreshExpiresIn { get; init; }

    [JsonPropertyName("account")]
    public string? Account { get; init; }

    [JsonPropertyName("country")]
    public string? Country { get; init; }

    [JsonPropertyName("country_user_info")]
    public IReadOnlyList<WireCountryUser>? CountryUserInfo { get; init; }
}

internal sealed record WireCountryUser(
    [property: JsonPropertyName("country")] string? Country,
    [property: JsonPropertyName("seller_id")] string? SellerId,
    [property: JsonPropertyName("user_id")] string? UserId,
    [property: JsonPropertyName("short_code")] string? ShortCode);
