using System.Diagnostics;

namespace Ocop.MarketSync.TestSupport;

/// <summary>
/// What the tests need from the machine (PostgreSQL server binaries, Chromium), so that <c>dotnet test</c> passes on a
/// fresh Debian machine with nothing run before it: as root, a missing package is installed once, the way
/// <c>.ci/run</c> does it; otherwise the test fails naming the exact command to run.
/// </summary>
/// <param name="Package">The Debian package, e.g. <c>postgresql</c>.</param>
/// <param name="What">What the tests need it for, for the failure message.</param>
public sealed record DebianPackage(string Package, string What)
{
    public static readonly DebianPackage Postgres = new("postgresql", "PostgreSQL server binaries (initdb, pg_ctl)");
    public static readonly DebianPackage Chromium = new("chromium", "Chromium at /usr/bin/chromium");

    /// <summary>Held while one test process installs, so parallel test assemblies never run apt-get at once.</summary>
    public static string LockFile { get; } = Path.Combine(Path.GetTempPath(), "ocop-marketsync-test-apt.lock");

    /// <summary>The commands, in order, that install the package (what the failure message tells a non-root user).</summary>
    public IReadOnlyList<string> InstallCommands =>
    [
        "apt-get update",
        $"apt-get install -y --no-install-recommends {Package}",
    ];

    /// <summary>The decision, without side effects: nothing to do, install (root with apt-get), or fail with the command.</summary>
    public ProvisionPlan Plan(bool present, bool isRoot, bool hasAptGet)
    {
        if (present)
        {
            return new ProvisionPlan.Present();
        }

        var commands = string.Join(" && ", InstallCommands.Select(command => isRoot ? command : "sudo " + command));
        if (isRoot && hasAptGet)
        {
            return new ProvisionPlan.Install(InstallCommands);
        }

        return new ProvisionPlan.Fail(isRoot
            ? $"The tests need {What}, and this machine has no apt-get to install the Debian package '{Package}'. Install it by hand."
            : $"The tests need {What}. Install it, then run the tests again: {commands}");
    }

    /// <summary>
    /// Makes sure the package is there: returns at once when <paramref name="isPresent"/> says so; as root installs it
    /// under <see cref="LockFile"/> (checking again once the lock is held: another test process may have installed it);
    /// otherwise throws naming the command.
    /// </summary>
    public async Task EnsureAsync(Func<bool> isPresent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(isPresent);
        if (isPresent())
        {
            return;
        }

        await using var held = await AcquireLockAsync(cancellationToken);
        switch (Plan(isPresent(), IsRoot, File.Exists("/usr/bin/apt-get")))
        {
            case ProvisionPlan.Present:
                return;
            case ProvisionPlan.Fail fail:
                throw new InvalidOperationException(fail.Message);
            case ProvisionPlan.Install install:
                foreach (var command in install.Commands)
                {
                    await RunAsync(command, cancellationToken);
                }

                if (!isPresent())
                {
                    throw new InvalidOperationException($"Installed the Debian package '{Package}', but the tests still do not find {What}.");
                }

                return;
        }
    }

    /// <summary>Effective user root: PostgreSQL then runs its cluster as the postgres user, and apt-get may install.</summary>
    public static bool IsRoot => Environment.UserName == "root";

    private static async Task<FileStream> AcquireLockAsync(CancellationToken cancellationToken)
    {
        // An exclusive open is the lock; the OS drops it when the process dies, so a killed run never blocks the next.
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(15);
        while (true)
        {
            try
            {
                return new FileStream(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    private async Task RunAsync(string command, CancellationToken cancellationToken)
    {
        var parts = command.Split(' ');
        var start = new ProcessStartInfo(parts[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in parts[1..])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"Installing {What} failed: `{command}` exited with {process.ExitCode}: {await error}{await output}");
        }
    }
}

/// <summary>What <see cref="DebianPackage.Plan"/> decided.</summary>
public abstract record ProvisionPlan
{
    public sealed record Present : ProvisionPlan;

    public sealed record Install(IReadOnlyList<string> Commands) : ProvisionPlan;

    public sealed record Fail(string Message) : ProvisionPlan;
}
