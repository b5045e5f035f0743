using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Ocop.MarketSync.TestSupport;

/// <summary>
/// A PostgreSQL for tests and benchmarks: the server in <c>OCOP_TEST_POSTGRES</c> (an admin connection string), or
/// a throwaway cluster started with the machine's initdb/pg_ctl (as the postgres user when running as root) on a
/// free port of 127.0.0.1, removed on dispose. Without the server binaries, root installs the Debian package
/// <c>postgresql</c> once (<see cref="DebianPackage"/>); anyone else gets the command to run.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    public const string EnvironmentVariable = "OCOP_TEST_POSTGRES";
    private readonly string? _dataDirectory;
    private readonly string? _binDirectory;

    private string? _startOptions;

    private ThrowawayPostgres(string adminConnectionString, string? dataDirectory, string? binDirectory)
    {
        AdminConnectionString = adminConnectionString;
        _dataDirectory = dataDirectory;
        _binDirectory = binDirectory;
    }

    public string AdminConnectionString { get; }

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new ThrowawayPostgres(configured, null, null);
        }

        try
        {
            // A fresh Debian machine: installed once here when running as root, as .ci/run does.
            await DebianPackage.Postgres.EnsureAsync(() => FindPostgresBin() is not null);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"{ex.Message} Or set {EnvironmentVariable} to an admin connection string of a PostgreSQL server.", ex);
        }

        var bin = FindPostgresBin() ?? throw new InvalidOperationException(
            $"No PostgreSQL available. Either set {EnvironmentVariable} to an admin connection string " +
            "(e.g. Host=127.0.0.1;Port=5432;Username=postgres;Password=…), or install PostgreSQL so that initdb and pg_ctl " +
            "are on PATH or under /usr/lib/postgresql/*/bin (Debian: apt-get install -y postgresql).");
        var data = Path.Combine(Path.GetTempPath(), "ocop-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(data);
        var asRoot = DebianPackage.IsRoot;
        if (asRoot)
        {
            // PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
            await RunAsync("chown", $"postgres:postgres {data}", asPostgres: false);
        }

        var port = FreePort();
        await RunAsync(Path.Combine(bin, "initdb"), $"-D {data} -A trust -U postgres -E UTF8 --locale=C", asRoot);
        var options = $"-D {data} -l {data}/server.log -w -t 60 -o \"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\"";
        await RunAsync(Path.Combine(bin, "pg_ctl"), options + " start", asRoot);
        return new ThrowawayPostgres($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false", data, bin) { _startOptions = options };
    }

    /// <summary>Whether this server was started here (and can be stopped and started again), not given in the environment.</summary>
    public bool IsOwned => _dataDirectory is not null;

    /// <summary>Stops the server at once, as a crash or a fail-over would: connections are cut, new ones refused.</summary>
    public Task StopAsync() =>
        RunAsync(Path.Combine(OwnedBin(), "pg_ctl"), $"-D {_dataDirectory} -m immediate -w stop", DebianPackage.IsRoot);

    /// <summary>Starts a stopped server again on the same port.</summary>
    public Task StartAgainAsync() => RunAsync(Path.Combine(OwnedBin(), "pg_ctl"), _startOptions + " start", DebianPackage.IsRoot);

    private string OwnedBin() => _binDirectory ?? throw new InvalidOperationException($"The server of {EnvironmentVariable} is not ours to stop.");

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataDirectory is null || _binDirectory is null)
        {
            return;
        }

        try
        {
            await RunAsync(Path.Combine(_binDirectory, "pg_ctl"), $"-D {_dataDirectory} -m immediate -w stop", Environment.UserName == "root");
        }
        finally
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static string? FindPostgresBin()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));
        if (onPath is not null)
        {
            return onPath;
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderDescending(StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string arguments, bool asPostgres)
    {
        var start = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}: {await error}{await output}");
        }
    }
}
