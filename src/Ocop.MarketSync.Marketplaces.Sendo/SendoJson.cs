using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Sendo;

internal static class SendoJson
{
    /// <summary>
    /// snake_case as Sendo's API. Nulls are left out. Vietnamese is written as UTF-8 rather than \u escapes
    /// (both valid JSON; the readable form is what the integrations found send).
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public static readonly RefitSettings Refit = new(new SystemTextJsonContentSerializer(Options));
}
