using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Shopee;

internal static class ShopeeRefitSettings
{
    /// <summary>
    /// snake_case as on Shopee's wire; nulls left out, so <c>update_item</c> sends only what changes. Vietnamese is
    /// written as UTF-8 text rather than \u escapes (the body is not signed, but it halves the bytes and reads in logs).
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public static readonly RefitSettings Instance = new(new SystemTextJsonContentSerializer(Json));
}
