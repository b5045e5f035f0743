using System.Text.Json.Nodes;

namespace Ocop.MarketSync.Sandbox.Sendo;

/// <summary>
/// A product as the simulated Sendo holds it: the whole JSON object last posted (fields Sendo keeps but the sync
/// does not know survive, as on the real one), plus what Sendo itself decides: id, status and times.
/// </summary>
public sealed record SendoSimulatorProduct(long Id, string Sku, JsonObject Body, int Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public string Name => Body["name"] is JsonValue name && name.TryGetValue<string>(out var text) ? text : string.Empty;

    public long Price => (long)(Number(Body, "price") ?? 0);

    public int StockQuantity => (int)(Number(Body, "stock_quantity") ?? 0);

    public bool StockAvailability => Body["stock_availability"] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.True;

    /// <summary>A JSON number however it was made (parsed, or set from an int or a long), or null.</summary>
    public static decimal? Number(JsonObject json, string name) =>
        json[name] is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number
            && decimal.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n : null;

    public bool Deleted => Status is 5 or 6;

    /// <summary>The product as the API answers it.</summary>
    public JsonObject ToJson()
    {
        var json = Body.DeepClone().AsObject();
        json["id"] = Id;
        json["sku"] = Sku;
        json["status"] = Status;
        json["updated_at_timestamp"] = UpdatedAt.ToUnixTimeSeconds();
        json["created_at_timestamp"] = CreatedAt.ToUnixTimeSeconds();
        return json;
    }
}

/// <summary>An answer of the simulated API: HTTP status and Sendo's envelope.</summary>
public sealed record SendoSimulatorAnswer(int HttpStatus, JsonNode? Result, string? ErrorCode, string? ErrorMessage)
{
    public static SendoSimulatorAnswer Ok(JsonNode? result) => new(200, result, null, null);

    public static SendoSimulatorAnswer Error(int status, string code, string message) => new(status, null, code, message);

    public JsonObject Envelope() => new()
    {
        ["result"] = Result?.DeepClone(),
        ["success"] = ErrorCode is null,
        ["error"] = ErrorCode is null ? null : new JsonObject { ["code"] = ErrorCode, ["message"] = ErrorMessage },
        ["status_code"] = HttpStatus,
    };
}
