using System.Globalization;
using System.Text.Json;

namespace Ocop.MarketSync.Registry.Records;

/// <summary>
/// Reads typed fields from one JSON object and collects a readable error for every field of the wrong type,
/// instead of throwing at the first one the way a serializer would.
/// </summary>
internal sealed class JsonFieldReader(List<RegistryFieldError> errors, string prefix = "")
{
    public JsonFieldReader Nested(string name) => new(errors, Path(name) + ".");

    public bool TryGetObject(JsonElement parent, string name, out JsonElement value)
    {
        if (!TryGet(parent, name, out value))
        {
            return false;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Fail(name, "an object", value);
        return false;
    }

    public string? String(JsonElement parent, string name)
    {
        if (!TryGet(parent, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        Fail(name, "a string", value);
        return null;
    }

    public long? Int64(JsonElement parent, string name)
    {
        if (!TryGet(parent, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }

        Fail(name, "a whole number", value);
        return null;
    }

    public int? Int32(JsonElement parent, string name)
    {
        var number = Int64(parent, name);
        if (number is null or (>= int.MinValue and <= int.MaxValue))
        {
            return (int?)number;
        }

        errors.Add(new RegistryFieldError(Path(name), $"{Path(name)}: {number} is out of range"));
        return null;
    }

    public decimal? Decimal(JsonElement parent, string name)
    {
        if (!TryGet(parent, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }

        Fail(name, "a number", value);
        return null;
    }

    /// <summary>A calendar date in ISO 8601 form (yyyy-MM-dd).</summary>
    public DateOnly? Date(JsonElement parent, string name)
    {
        var text = String(parent, name);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new RegistryFieldError(Path(name), $"{Path(name)}: '{text}' is not a date in the form yyyy-MM-dd"));
        return null;
    }

    public IReadOnlyList<string> StringArray(JsonElement parent, string name)
    {
        if (!TryGet(parent, name, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Fail(name, "an array of strings", value);
            return [];
        }

        var items = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                items.Add(item.GetString()!);
            }
            else
            {
                Fail($"{name}[{index}]", "a string", item);
            }

            index++;
        }

        return items;
    }

    /// <summary>True when the field is present and not null.</summary>
    private static bool TryGet(JsonElement parent, string name, out JsonElement value) =>
        parent.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private string Path(string name) => prefix + name;

    private void Fail(string name, string expected, JsonElement actual) =>
        errors.Add(new RegistryFieldError(
            Path(name),
            $"{Path(name)}: expected {expected}, got {Describe(actual)}"));

    private static string Describe(JsonElement value)
    {
        var raw = value.GetRawText();
        if (raw.Length > 40)
        {
            raw = raw[..40] + "…";
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => $"the string {raw}",
            JsonValueKind.Number => $"the number {raw}",
            JsonValueKind.True or JsonValueKind.False => $"the boolean {raw}",
            JsonValueKind.Array => "an array",
            JsonValueKind.Object => "an object",
            JsonValueKind.Null or JsonValueKind.Undefined => "null",
            _ => raw,
        };
    }
}
