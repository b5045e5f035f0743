using System.Collections.Concurrent;
using System.Diagnostics;

namespace Ocop.MarketSync.IntegrationTests.Infrastructure;

/// <summary>
/// The service's own executable run as an operator runs it (<c>dotnet Ocop.MarketSync.Worker.dll …</c>) in a
/// temporary working directory, with stdout and stderr kept apart, for tests about what it prints.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly Process _process;

    private WorkerProcess(Process process) => _process = process;

    /// <summary>The temporary working directory (no config/ overlay of the repository is picked up from it).</summary>
    public string Directory { get; private init; } = string.Empty;

    public IReadOnlyList<string> StandardOutput => [.. _stdout];

    public IReadOnlyList<string> StandardError => [.. _stderr];

    /// <summary>Everything it wrote, stdout then stderr.</summary>
    public string AllOutput => string.Join(Environment.NewLine, _stdout.Concat(_stderr));

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
        var worker = new WorkerProcess(process) { Directory = directory };
        process.OutputDataReceived += (_, e) => Keep(worker._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(worker._stderr, e.Data);
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

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(CancellationToken.None);
        _process.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static void Keep(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}
