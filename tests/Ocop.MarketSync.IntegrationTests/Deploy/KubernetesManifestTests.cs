using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Worker.Cli;
using Ocop.MarketSync.Worker.Hosting;

namespace Ocop.MarketSync.IntegrationTests.Deploy;

/// <summary>
/// deploy/k8s read as data and held against the application: the port it listens on, the endpoints it maps, the
/// configuration keys it reads, its shutdown timeouts, its command line, and the secrets the overlay provides.
/// </summary>
public sealed class KubernetesManifestTests : IAsyncLifetime
{
    private const string SecretsMount = "/run/secrets/ocop";
    private readonly string _directory = Directory.CreateTempSubdirectory("ocop-k8s-").FullName;
    private readonly List<JsonNode> _base = DeployFiles.Resources(Path.Combine(DeployFiles.K8s, "base"));
    private readonly JsonNode _overlay = DeployFiles.Yaml(Path.Combine(DeployFiles.K8s, "overlays", "example", "kustomization.yaml")).Single();
    private WebApplication _app = null!;

    private JsonNode Worker => _base.Kind("Deployment");

    private JsonNode WorkerPod => Worker["spec"]!["template"]!["spec"]!;

    private JsonNode WorkerContainer => WorkerPod["containers"]!.AsArray().Single()!;

    private JsonNode MigratePod => _base.Kind("Job")["spec"]!["template"]!["spec"]!;

    public async ValueTask InitializeAsync() => _app = await MarketSyncHost.BuildAsync(
    [
        "--environment=IntegrationTest", $"--Storage:ConnectionString=Data Source={Path.Combine(_directory, "m.db")}",
        "--Staff:Password=a-long-enough-password",
    ], HostMode.Command, TestContext.Current.CancellationToken);

    [Fact]
    public void ContainerPort_IsThePortOfTheProductionUrls_AndTheServiceTargetsIt()
    {
        var production = DeployFiles.Yaml(Path.Combine(RepositoryRoot.Path, "config", "appsettings.Production.json")).Single();
        var port = WorkerContainer["ports"]!.AsArray().Single()!;

        Assert.Equal(new Uri((string)production["Urls"]!).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)port["containerPort"]);
        Assert.Equal((string?)port["name"], (string?)_base.Kind("Service")["spec"]!["ports"]![0]!["targetPort"]);
    }

    [Fact]
    public void Probes_CallEndpointsTheApplicationMaps_LivenessWithoutTheDatabase()
    {
        var routes = ((IEndpointRouteBuilder)_app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).ToHashSet(StringComparer.Ordinal);
        var probes = new[] { "startupProbe", "livenessProbe", "readinessProbe" }
            .ToDictionary(p => p, p => WorkerContainer[p]!["httpGet"]!);

        Assert.All(probes, p => Assert.Contains((string)p.Value["path"]!, routes));
        Assert.All(probes, p => Assert.Equal((string?)WorkerContainer["ports"]![0]!["name"], (string?)p.Value["port"]));
        Assert.Equal(("/health/live", "/health/live", "/health/ready"),
            ((string)probes["startupProbe"]["path"]!, (string)probes["livenessProbe"]["path"]!, (string)probes["readinessProbe"]["path"]!));
    }

    [Fact]
    public void EveryConfiguredKey_IsAKeyTheApplicationReads()
    {
        var keys = new ConfigurationKeys(RepositoryRoot.Path);
        var configured = DeployFiles.EnvFile(Path.Combine(DeployFiles.K8s, "base", "config.env")).Keys
            .Concat(DeployFiles.EnvFile(Path.Combine(DeployFiles.K8s, "overlays", "example", "config.env")).Keys)
            .ToList();

        Assert.Contains("Storage__Password_FILE", configured);
        Assert.Empty(configured.Select(keys.Problem).OfType<string>());
        // The checker itself refuses a key the application does not read.
        Assert.NotNull(keys.Problem("Storage__Passwort_FILE"));
        Assert.NotNull(keys.Problem("Hangfire__Workers"));
    }

    [Fact]
    public void EverySecretFile_IsAKeyOfTheSecretTheOverlayGenerates()
    {
        var config = DeployFiles.EnvFile(Path.Combine(DeployFiles.K8s, "base", "config.env"));
        var generated = _overlay["secretGenerator"]!.AsArray()
            .ToDictionary(s => (string)s!["name"]!, s => s!["files"]!.AsArray().Select(f => ((string)f!).Split('=')[0]).ToHashSet(StringComparer.Ordinal));
        var files = config.Where(c => c.Key.EndsWith("_FILE", StringComparison.Ordinal) || c.Value.StartsWith(SecretsMount + "/", StringComparison.Ordinal)).ToList();

        Assert.Equal(4, files.Count);
        foreach (var pod in new[] { WorkerPod, MigratePod })
        {
            var secretVolume = pod["volumes"]!.AsArray().Single(v => v!["secret"] is not null)!;
            var secretName = (string)secretVolume["secret"]!["secretName"]!;
            Assert.True(generated.ContainsKey(secretName), $"No secretGenerator makes {secretName}.");
            foreach (var container in pod.Containers().Where(c => c["envFrom"] is not null))
            {
                var mount = container["volumeMounts"]!.AsArray().Single(m => (string?)m!["name"] == (string?)secretVolume["name"])!;
                Assert.Equal(SecretsMount, (string?)mount["mountPath"]);
                Assert.All(files, f => Assert.Contains(f.Value[(SecretsMount.Length + 1)..], generated[secretName]));
            }
        }
    }

    [Fact]
    public void Containers_RunNonRootOnAReadOnlyRootWithAWritableTmpAndLimits()
    {
        foreach (var pod in new[] { WorkerPod, MigratePod })
        {
            Assert.Equal("true", (string?)pod["securityContext"]!["runAsNonRoot"]);
            var emptyDirs = pod["volumes"]!.AsArray().Where(v => v!["emptyDir"] is not null).Select(v => (string?)v!["name"]).ToList();
            Assert.All(pod.Containers(), c =>
            {
                Assert.Equal("true", (string?)c["securityContext"]!["readOnlyRootFilesystem"]);
                Assert.Equal("false", (string?)c["securityContext"]!["allowPrivilegeEscalation"]);
                Assert.Contains(c["volumeMounts"]!.AsArray(), m => (string?)m!["mountPath"] == "/tmp" && emptyDirs.Contains((string?)m["name"]));
                Assert.NotNull(c["resources"]!["requests"]!["memory"]);
                Assert.NotNull(c["resources"]!["limits"]!["memory"]);
            });
        }
    }

    [Fact]
    public void TerminationGrace_IsLongerThanTheHostAndHangfireShutdownTimeouts()
    {
        var grace = TimeSpan.FromSeconds(int.Parse((string)WorkerPod["terminationGracePeriodSeconds"]!, System.Globalization.CultureInfo.InvariantCulture));
        var host = _app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;

        Assert.True(grace > host, $"terminationGracePeriodSeconds {grace} must exceed the host's shutdown timeout {host}.");
        Assert.True(grace > new BackgroundJobServerOptions().ShutdownTimeout);
    }

    [Fact]
    public void MigrateJobAndWorkerWait_AreCommandsTheApplicationAccepts_AndSelectorsMatch()
    {
        var migrate = MigratePod["containers"]![0]!["args"]!.AsArray().Select(a => (string)a!).ToArray();
        var wait = WorkerPod["initContainers"]![0]!["args"]!.AsArray().Select(a => (string)a!).ToArray();

        Assert.Equal(["migrate"], migrate);
        Assert.Equal(["migrate", "--check"], wait.Take(2));
        Assert.All(new[] { migrate, wait }, args => Assert.Empty(MarketSyncCommandLine.Create(args).Parse(args).Errors));
        var labels = Worker["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
        foreach (var selector in new[] { _base.Kind("Service")["spec"]!["selector"]!, _base.Kind("PodDisruptionBudget")["spec"]!["selector"]!["matchLabels"]! })
        {
            Assert.All(selector.AsObject(), l => Assert.Equal((string?)l.Value, (string?)labels[l.Key]));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
