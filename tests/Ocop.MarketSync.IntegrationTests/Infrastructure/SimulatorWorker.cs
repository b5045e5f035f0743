using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Ocop.MarketSync.IntegrationTests.Infrastructure;

/// <summary>
/// The real service as its own process (<c>dotnet Ocop.MarketSync.Worker.dll</c>) on its embedded default — SQLite in
/// a temporary folder, Hangfire in memory, the registry sandbox with the 60 sample products, the sandbox marketplaces
/// — with <c>Sandbox:Marketplaces:Simulators:Enabled</c>: the Shopee, Lazada and TikTok Shop channels of
/// simulator-channels.json run through the real adapters against simulators inside that process, which the tests
/// reach only over HTTP, as a person would.
/// </summary>
/// <remarks>
/// A process of its own rather than the shared in-process <see cref="ServiceHost"/>: several hosts in one process
/// disturb each other's Hangfire jobs through process-wide state. <see cref="SimulatorWorkerOnPostgres"/> runs the
/// same on PostgreSQL.
/// </remarks>
public class SimulatorWorker : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _output = new();
    private readonly Dictionary<string, Uri> _simulators = new(StringComparer.Ordinal);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ocop-sim-" + Guid.NewGuid().ToString("N"));
    private Process? _process;
    private List<string> _args = [];

    /// <summary>The simulator channels and the marketplace each one's simulator speaks (the path of its seller-centre stand-in).</summary>
    public static readonly IReadOnlyDictionary<string, string> Channels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["shopee-sim"] = "shopee",
        ["lazada-sim"] = "lazada",
        ["tiktokshop-sim"] = "tiktokshop",
        ["tiki-sim"] = "tiki",
        ["sendo-sim"] = "sendo",
    };

    /// <summary>
    /// The listings a channel ends with on sale: the 60 samples less the expired, unpriced and revoked ones and the 4
    /// services, on every marketplace (on Sendo too: a description under its 100-character minimum gets the product's
    /// OCOP facts, where without them 38 samples were not listed).
    /// </summary>
    public static int OnSale(string channelId) => 53;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The simulator channels as the service read them (shop ids, seller id, credentials section names).</summary>
    public IConfiguration ChannelsFile { get; } = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "simulator-channels.json"), optional: false).Build();

    /// <summary>The last lines the service wrote, for failure messages.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output.TakeLast(80));

    /// <summary>Where a channel's simulator listens (its port is chosen here: <c>Sandbox:Marketplaces:Simulators:Ports</c>).</summary>
    public Uri Simulator(string channelId) => _simulators[channelId];

    public HttpClient Client() => new() { BaseAddress = BaseAddress };

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        _args =
        [
            "--environment=IntegrationTest", $"--urls={BaseAddress}",
            "--Staff:Password=integration-test-password", "--Staff:GeneratePassword=false",
            "--Sandbox:Marketplaces:Simulators:Enabled=true",
            .. await VariantArgumentsAsync(_directory, TestContext.Current.CancellationToken),
        ];
        foreach (var channel in Channels.Keys)
        {
            var port = FreePort();
            _simulators[channel] = new Uri($"http://127.0.0.1:{port}/");
            _args.Add(string.Create(CultureInfo.InvariantCulture, $"--Sandbox:Marketplaces:Simulators:Ports:{channel}={port}"));
        }

        await StartAsync();
    }

    /// <summary>Kills the service (SIGKILL) and starts it again on the same database: its simulators start empty.</summary>
    public async Task RestartAsync()
    {
        _process!.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
        _process.Dispose();
        _output.Enqueue("---- restarted ----");
        await StartAsync();
    }

    /// <summary>What this variant changes in the embedded default: here only where its SQLite file is (the temporary folder).</summary>
    protected virtual Task<IEnumerable<string>> VariantArgumentsAsync(string directory, CancellationToken cancellationToken) =>
        Task.FromResult<IEnumerable<string>>([$"--Storage:ConnectionString=Data Source={Path.Combine(directory, "marketsync.db")};Default Timeout=30"]);

    /// <summary>Polls <c>/api/channels</c> until the channel has <paramref name="active"/> Active listings and nothing left to push.</summary>
    public async Task<JsonElement> WaitUntilSettledAsync(string channelId, int active, TimeSpan timeout)
    {
        using var client = Client();
        JsonElement channel = default;
        await WaitAsync(async () =>
        {
            var channels = await client.GetFromJsonAsync<JsonElement>("api/channels", TestContext.Current.CancellationToken);
            channel = channels.EnumerateArray().FirstOrDefault(c => c.GetProperty("id").GetString() == channelId);
            return channel.ValueKind == JsonValueKind.Object
                && channel.GetProperty("listings").GetProperty("active").GetInt32() == active
                && channel.GetProperty("dirty").GetInt32() == 0;
        }, timeout, () => $"{active} Active listings on {channelId} (last seen: {channel})");
        return channel;
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails with the service's recent output.</summary>
    public Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) => WaitAsync(condition, timeout, () => what);

    /// <param name="what">What was awaited, described when the wait fails (so it can show the last state seen).</param>
    public async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (_process is { HasExited: true })
            {
                Assert.Fail($"The service exited with {_process.ExitCode} while waiting for {what()}.{Environment.NewLine}{RecentOutput}");
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Waited {timeout} for {what()}.{Environment.NewLine}{RecentOutput}");
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync(CancellationToken.None);
            _process.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    private async Task StartAsync()
    {
        _process = Start(_args);
        using var client = Client();
        await WaitAsync(async () =>
        {
            try
            {
                using var response = await client.GetAsync("health/live", TestContext.Current.CancellationToken);
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60), "the service to answer /health/live");
    }

    private Process Start(List<string> args)
    {
        // The working directory is the temporary folder, so no config/ overlay of the repository is picked up.
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Ocop.MarketSync.Worker.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The worker did not start.");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 400 && _output.TryDequeue(out _))
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
