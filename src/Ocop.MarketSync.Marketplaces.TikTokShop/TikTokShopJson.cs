using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Refit;

namespace Ocop.MarketSync.Marketplaces.TikTokShop;

internal static class TikTokShopJson
{
    /// <summary>
    /// snake_case as TikTok's API. Nulls are left out (partial_edit keeps what is omitted). Vietnamese is written as
    /// UTF-8 rather than \u escapes; either is valid JSON and the signature covers whatever bytes are sent.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly RefitSettings Refit = new(new SystemTextJsonContentSerializer(Options));
}
