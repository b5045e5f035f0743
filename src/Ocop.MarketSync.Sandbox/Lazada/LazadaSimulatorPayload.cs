using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;

namespace Ocop.MarketSync.Sandbox.Lazada;

/// <summary>Reads a <c>payload</c>: JSON <c>{"Request":{"Product":…}}</c> or XML <c>&lt;Request&gt;…</c>.</summary>
internal static class LazadaSimulatorPayload
{
    public static JsonObject Product(string payload)
    {
        try
        {
            return JsonNode.Parse(payload)?["Request"]?["Product"] as JsonObject
                ?? throw new LazadaSimulatorError("InvalidParameter", "payload must be {\"Request\":{\"Product\":{…}}}");
        }
        catch (JsonException ex)
        {
            throw new LazadaSimulatorError("InvalidParameter", $"payload is not JSON: {ex.Message}");
        }
    }

    public static IEnumerable<JsonObject> Skus(JsonObject product) => product["Skus"]?["Sku"] switch
    {
        JsonArray many => many.OfType<JsonObject>(),
        JsonObject one => [one],
        _ => [],
    };

    public static XElement Xml(string payload)
    {
        try
        {
            var root = XElement.Parse(payload);
            return root.Name == "Request" ? root : throw new LazadaSimulatorError("InvalidParameter", "payload must be <Request>…</Request>");
        }
        catch (XmlException ex)
        {
            throw new LazadaSimulatorError("InvalidParameter", $"payload is not XML: {ex.Message}");
        }
    }
}
