using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Ocop.MarketSync.IntegrationTests.Deploy;

/// <summary>Reads the deployment files as data: YAML documents as JSON nodes (scalars stay strings), and env files.</summary>
public static class DeployFiles
{
    public static string K8s => Path.Combine(RepositoryRoot.Path, "deploy", "k8s");

    /// <summary>Every YAML document of the file, in order.</summary>
    public static List<JsonNode> Yaml(string path)
    {
        var deserializer = new DeserializerBuilder().Build();
        var parser = new Parser(new StringReader(File.ReadAllText(path)));
        parser.Consume<StreamStart>();
        var documents = new List<JsonNode>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (ToJson(deserializer.Deserialize<object>(parser)) is { } document)
            {
                documents.Add(document);
            }
        }

        return documents;
    }

    /// <summary>The resources a kustomization lists (files beside it), each document of each file.</summary>
    public static List<JsonNode> Resources(string kustomizationDirectory)
    {
        var kustomization = Yaml(Path.Combine(kustomizationDirectory, "kustomization.yaml")).Single();
        return
        [
            .. kustomization["resources"]!.AsArray().Select(r => Path.Combine(kustomizationDirectory, (string)r!))
                .Where(File.Exists)
                .SelectMany(Yaml),
        ];
    }

    /// <summary>A KEY=VALUE file as kustomize's <c>envs</c> reads it (comments and blank lines skipped).</summary>
    public static Dictionary<string, string> EnvFile(string path) =>
        File.ReadAllLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    public static JsonNode Kind(this IEnumerable<JsonNode> documents, string kind) =>
        documents.Single(d => (string?)d["kind"] == kind);

    /// <summary>Init containers and containers of a pod template.</summary>
    public static IEnumerable<JsonNode> Containers(this JsonNode podSpec) =>
        (podSpec["initContainers"]?.AsArray() ?? []).Concat(podSpec["containers"]!.AsArray()).Select(c => c!);

    private static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        IDictionary<object, object?> map => new JsonObject(map.Select(e => KeyValuePair.Create((string)e.Key, ToJson(e.Value)))),
        IList<object?> list => new JsonArray([.. list.Select(ToJson)]),
        _ => JsonValue.Create(value.ToString()),
    };
}
