using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ocop.MarketSync.Data;

/// <summary>Maps a property to a JSON text column (jsonb on PostgreSQL) with a value comparer.</summary>
public static class JsonColumn
{
    /// <summary>The serializer settings for everything we store as JSON (and hash): camelCase, enums as strings.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <remarks>
    /// The comparer is by reference: JSON-mapped values are replaced whole, never changed in place (records with
    /// init-only properties, lists built anew). A serialising comparer would cost two serialisations per tracked
    /// row at every SaveChanges, which dominated the push engine's time.
    /// </remarks>
    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property, bool isNpgsql)
        where T : class
    {
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            v => JsonSerializer.Deserialize<T>(v, Options)!,
            new ValueComparer<T>(
                (a, b) => ReferenceEquals(a, b),
                v => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(v),
                v => v));
        if (isNpgsql)
        {
            property.HasColumnType("jsonb");
        }

        return property;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
