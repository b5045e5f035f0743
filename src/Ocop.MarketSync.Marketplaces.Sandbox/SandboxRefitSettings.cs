using System.Text.Encodings.Web;
using System.Text.Json;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Sandbox;

internal static class SandboxRefitSettings
{
    /// <summary>
    /// camelCase JSON. Vietnamese letters are written as themselves rather than \u escapes: half the bytes, and
    /// readable in request logs. Safe here because the bodies are JSON API payloads, never embedded in HTML.
    /// </summary>
    public static readonly RefitSettings Instance = new(new SystemTextJsonContentSerializer(
        new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
}
