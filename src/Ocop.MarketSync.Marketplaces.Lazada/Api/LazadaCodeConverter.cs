using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ocop.MarketSync.Marketplaces.Lazada.Api;

/// <summary>Codes are documented as strings, but some error bodies carry numbers (<c>"code": 901</c>): read both as text.</summary>
internal sealed class LazadaCodeConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => reader.TryGetInt64(out var whole) ? whole.ToString(CultureInfo.InvariantCulture)
            : reader.GetDouble().ToString(CultureInfo.InvariantCulture),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"A Lazada code must be a string or a number, not {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
