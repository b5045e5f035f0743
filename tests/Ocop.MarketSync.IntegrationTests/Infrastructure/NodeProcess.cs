using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Npgsql;
using Ocop.MarketSync.Sandbox.Registry;

namespace Ocop.MarketSync.IntegrationTests.Infrastructure;

/// <summary>
/// One worker node as its own OS process (<c>dotnet Ocop.MarketSync.Worker.dll</c>), killed with SIGKILL when the
/// test says so: what a crash of a node in production is. Its last output lines go into failure messages.
/// </summary>
public sealed class NodeProcess : IDisposable
{
    private readonly ConcurrentQueue<string> _output = new();
    private readonly Process _process;

    private NodeProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string RecentOutput => string.Join(Environment.NewLine, _output.TakeLast(60));

    public static NodeProcess Start(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetTempPath(), RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Ocop.MarketSync.Worker.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var worker = new NodeProcess(Process.Start(start) ?? throw new InvalidOperationException("The worker did not start."));
        worker._process.OutputDataReceived += (_, e) => worker.Keep(e.Data);
        worker._process.ErrorDataReceived += (_, e) => worker.Keep(e.Data);
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>SIGKILL: no shutdown hook runs, no lock is released by the process itself.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails with the workers' output if one exits or time runs out.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what, params NodeProcess[] workers)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (workers.FirstOrDefault(w => w.HasExited) is { } exited)
            {
                Assert.Fail($"A worker exited with {exited._process.ExitCode} while waiting for {what}.{Environment.NewLine}{exited.RecentOutput}");
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Waited {timeout} for {what}.{Environment.NewLine}{string.Join(Environment.NewLine + "----" + Environment.NewLine, workers.Select(w => w.RecentOutput))}");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Listings Active with nothing left to push, over all channels or one.</summary>
    public static int ActiveListings(string connectionString, string? channelId = null)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            "select count(*) from marketsync.listings where state = 'Active' and not dirty and ($1::text is null or channel_id = $1)", connection);
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = channelId, DataTypeName = "text" });
        try
        {
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (PostgresException)
        {
            return 0;
        }
    }

    /// <summary>N eligible goods made from REG-00002 (a 4★ rice), each with its own registry id.</summary>
    public static RegistrySandbox GeneratedRegistry(int count, string prefix)
    {
        using var stream = RegistrySandbox.OpenSampleData();
        var template = JsonNode.Parse(stream)!.AsArray().OfType<JsonObject>().Single(p => p["registryId"]!.GetValue<string>() == "REG-00002");
        return new RegistrySandbox(Enumerable.Range(0, count).Select(i =>
        {
            var product = (JsonObject)template.DeepClone();
            product["registryId"] = prefix + i.ToString("D4", CultureInfo.InvariantCulture);
            return product;
        }));
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 300 && _output.TryDequeue(out _))
        {
        }
    }
}
