using System.Text.Json.Nodes;
using Ocop.MarketSync.Worker.Cli;

namespace Ocop.MarketSync.IntegrationTests.Deploy;

/// <summary>deploy/docker-compose.yml read as data (no Compose on our machines) and held against the application.</summary>
public sealed class ComposeFileTests
{
    private readonly JsonNode _compose = DeployFiles.Yaml(Path.Combine(RepositoryRoot.Path, "deploy", "docker-compose.yml")).Single();

    private JsonObject Services => _compose["services"]!.AsObject();

    [Fact]
    public void EveryEnvironmentKeyOfOurContainers_IsAKeyTheApplicationReads()
    {
        var keys = new ConfigurationKeys(RepositoryRoot.Path);
        var configured = new[] { "migrate", "worker" }.SelectMany(s => Environment(s).Keys).Distinct().ToList();

        Assert.Contains("Storage__Password_FILE", configured);
        Assert.Contains("Channels__demo__BaseUrl", configured);
        Assert.Empty(configured.Select(keys.Problem).OfType<string>());
    }

    [Fact]
    public void EverySecretFile_IsASecretMountedInThatContainer()
    {
        var declared = _compose["secrets"]!.AsObject().Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var service in new[] { "postgres", "migrate", "worker" })
        {
            var mounted = Services[service]!["secrets"]!.AsArray().Select(s => (string)s!).ToList();
            var files = Environment(service).Where(e => e.Key.EndsWith("_FILE", StringComparison.Ordinal)).Select(e => e.Value).ToList();

            Assert.NotEmpty(files);
            Assert.All(files, f => Assert.Contains(f["/run/secrets/".Length..], mounted));
            Assert.All(mounted, m => Assert.Contains(m, declared));
        }
    }

    [Fact]
    public void TheDemoChannel_ReachesTheSandboxMarketplaceContainer_WhichTheApplicationCanRun()
    {
        var command = Services["marketplace-sandbox"]!["command"]!.AsArray().Select(a => (string)a!).ToArray();
        var baseUrl = new Uri(Environment("worker")["Channels__demo__BaseUrl"]);

        Assert.Empty(MarketSyncCommandLine.Create(command).Parse(command).Errors);
        Assert.Equal("marketplace-sandbox", baseUrl.Host);
        Assert.Equal(command[Array.IndexOf(command, "--port") + 1], baseUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("service_healthy", (string?)Services["worker"]!["depends_on"]!["marketplace-sandbox"]!["condition"]);
    }

    [Fact]
    public void TheProxyWaitsForAHealthyWorker_AndEveryServiceHasAMemoryLimit()
    {
        Assert.Equal("service_healthy", (string?)Services["proxy"]!["depends_on"]!["worker"]!["condition"]);
        Assert.Equal("service_completed_successfully", (string?)Services["worker"]!["depends_on"]!["migrate"]!["condition"]);
        Assert.All(Services, s => Assert.NotNull(s.Value!["deploy"]?["resources"]?["limits"]?["memory"]));
    }

    /// <summary>A service's environment with YAML merge keys (<c>&lt;&lt;: *env</c>) flattened.</summary>
    private Dictionary<string, string> Environment(string service)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                if (key == "<<")
                {
                    Add(value!.AsObject());
                }
                else
                {
                    result[key] = (string)value!;
                }
            }
        }

        Add(Services[service]!["environment"]!.AsObject());
        return result;
    }
}
