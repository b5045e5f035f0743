using System.Text.Json;
using System.Text.Json.Serialization;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Lazada;

internal static class LazadaRefitSettings
{
    /// <summary>Lazada sends ids and times now as numbers, now as strings: read both.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        PropertyNameCaseInsensitive = false,
    };

    public static readonly RefitSettings Instance = new(new SystemTextJsonContentSerializer(Json));
}
