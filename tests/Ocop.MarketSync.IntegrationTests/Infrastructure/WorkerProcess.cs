using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Ocop.MarketSync.IntegrationTests.Infrastructure;

/// <summary>
/// The service's own executable run as an operator runs it (<c>dotnet Ocop.MarketSync.Worker.dll …</c>) in a
/// temporary working directory: a CLI command run to its end, a service tested over HTTP, or one worker node of
/// several, killed with SIGKILL when the test says so (what a crash of a node in production is). Stdout and stderr
/// are kept apart for tests about what it prints; the last lines of both, in the order written, go into failure
/// messages.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable, IDisposable
{
    /// <summary>
    /// Lines kept per stream. A node of the scale-out tests runs for minutes; a bound keeps a chatty one from filling
    /// the test process, and is far above what any CLI command prints (those tests read all of it).
    /// </summary>
    private const int MaxLines = 10_000;

    /// <summary>Lines of both streams shown in failure messages.</summary>
    private const int RecentLines = 60;

    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly ConcurrentQueue<string> _recent = new();
    private readonly Process _process;
    private bool _disposed;

    private WorkerProcess(Process process, string directory)
    {
        _process = process;
        Directory = directory;
    }

    /// <summary>The temporary working directory (no config/ overlay of the repository is picked up from it).</summary>
    public string Directory { get; }

    public int Pid => _process.Id;

    public IReadOnlyList<string> StandardOutput => [.. _stdout];

    public IReadOnlyList<string> StandardError => [.. _stderr];

    /// <summary>Everything it wrote, stdout then stderr.</summary>
    public string AllOutput => string.Join(Environment.NewLine, _stdout.Concat(_stderr));

    /// <summary>Its last lines of stdout and stderr in the order they came, for failure messages.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _recent.TakeLast(RecentLines));

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static WorkerProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "ocop-proc-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Ocop.MarketSync.Worker.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The worker did not start.");
        var worker = new WorkerProcess(process, directory);
        process.OutputDataReceived += (_, e) => worker.Keep(worker._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => worker.Keep(worker._stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Runs a command to its end and returns the process with all it wrote.</summary>
    public static async Task<WorkerProcess> RunAsync(IEnumerable<string> args, TimeSpan timeout)
    {
        var worker = Start(args);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await worker._process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The worker did not exit within {timeout}.{Environment.NewLine}{worker.AllOutput}");
        }

        // Both streams are read to their end only after the exit: wait for them too.
        worker._process.WaitForExit();
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

    /// <summary>Polls until <paramref name="condition"/> holds; fails with the workers' output if one exits or time runs out.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what, params WorkerProcess[] workers)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (workers.FirstOrDefault(w => w.HasExited) is { } exited)
            {
                Assert.Fail($"A worker exited with {exited.ExitCode} while waiting for {what}.{Environment.NewLine}{exited.RecentOutput}");
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Waited {timeout} for {what}.{Environment.NewLine}{string.Join(Environment.NewLine + "----" + Environment.NewLine, workers.Select(w => w.RecentOutput))}");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>A loopback port free now, for a worker's <c>--urls</c>.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Release();
    }

    /// <summary>For <c>using</c> in the node tests: kills the process if it still runs and waits for it.</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
        Release();
    }

    private void Release()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a grandchild must not fail the test: it is a temporary directory.
        }
    }

    private void Keep(ConcurrentQueue<string> lines, string? line)
    {
        if (line is null)
        {
            return;
        }

        lines.Enqueue(line);
        _recent.Enqueue(line);
        while (lines.Count > MaxLines && lines.TryDequeue(out _))
        {
        }

        while (_recent.Count > RecentLines && _recent.TryDequeue(out _))
        {
        }
    }
}
