using System.Text.Json.Serialization;

namespace Ocop.MarketSync.Marketplaces.Lazada.Api;

/// <summary>
/// The lazop envelope. <c>code</c> is a string and <c>"0"</c> is success; errors usually come with HTTP 200, so
/// the code decides, not the status. Failures carry <c>type</c> (ISV, ISP, SYSTEM), <c>message</c> and, for
/// multi-SKU calls, <c>detail[]</c> naming the SKUs that failed.
/// </summary>
internal sealed record LazadaResponse<T>
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

    [JsonPropertyName("data")]
    public T? Data { get; init; }

    [JsonPropertyName("detail")]
    public IReadOnlyList<WireDetail>? Detail { get; init; }

    public bool IsSuccess => Code == "0";
}

/// <summary>One failed field or SKU of a call. The exact shape is not documented: every field is optional.</summary>
internal sealed record WireDetail(
    [property: JsonPropertyName("field")] string? Field,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("seller_sku")] string? SellerSku,
    [property: JsonPropertyName("code")][property: JsonConverter(typeof(LazadaCodeConverter))] string? Code);
