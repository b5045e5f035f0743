using System.Text.Json;
using System.Text.Json.Nodes;
using Ocop.MarketSync.Registry.Records;

namespace Ocop.MarketSync.UnitTests.TestSupport;

/// <summary>
/// Starts from a valid sample record (REG-00002 by default: 4★ rice, Cần Thơ, issued 2024-11-05, valid until
/// 2027-11-04, with GTIN and traceability; eligible without any issue on the reference date) and changes one
/// field at a time. Paths are dotted: <c>certificate.issuedOn</c>.
/// </summary>
public sealed class RecordBuilder
{
    /// <summary>Writes text as UTF-8, the way registries send it, not as \uXXXX escapes.</summary>
    private static readonly JsonSerializerOptions Unescaped = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly JsonObject _json;

    private RecordBuilder(JsonObject json) => _json = json;

    public static RecordBuilder Valid(string registryId = "REG-00002") =>
        new(JsonNode.Parse(SampleData.Element(registryId).GetRawText())!.AsObject());

    /// <summary>Sets a field (creating parent objects as needed). A null value writes JSON null.</summary>
    public RecordBuilder With(string path, JsonNode? value)
    {
        var (parent, name) = Parent(path, create: true);
        parent[name] = value;
        return this;
    }

    /// <summary>Removes the key altogether (absent, not null).</summary>
    public RecordBuilder Without(string path)
    {
        var (parent, name) = Parent(path, create: false);
        parent.Remove(name);
        return this;
    }

    public string Json() => _json.ToJsonString(Unescaped);

    public RegistryRecord Build()
    {
        using var document = JsonDocument.Parse(Json());
        return RegistryRecordReader.Read(document.RootElement.Clone());
    }

    private (JsonObject Parent, string Name) Parent(string path, bool create)
    {
        var parts = path.Split('.');
        var current = _json;
        foreach (var part in parts[..^1])
        {
            if (current[part] is JsonObject next)
            {
                current = next;
            }
            else if (create)
            {
                next = [];
                current[part] = next;
                current = next;
            }
            else
            {
                throw new InvalidOperationException($"The record has no object at '{part}' (path '{path}').");
            }
        }

        return (current, parts[^1]);
    }
}
