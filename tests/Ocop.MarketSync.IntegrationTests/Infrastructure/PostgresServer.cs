using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

[assembly: AssemblyFixture(typeof(Ocop.MarketSync.IntegrationTests.Infrastructure.PostgresServer))]

namespace Ocop.MarketSync.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL the integration tests use: the server in <c>OCOP_TEST_POSTGRES</c> (an admin connection string),
/// or else a throwaway cluster started here with the machine's initdb/pg_ctl and removed afterwards. Every test
/// gets its own database, so tests run in parallel and never see each other's rows.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "OCOP_TEST_POSTGRES";
    private string? _dataDirectory;
    private string? _binDirectory;
    private string? _adminConnectionString;

    public string AdminConnectionString =>
        _adminConnectionString ?? throw new InvalidOperationException("PostgreSQL was not started.");

    public async ValueTask InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            _adminConnectionString = configured;
            return;
        }

        _binDirectory = FindPostgresBin() ?? throw new InvalidOperationException(
            $"No PostgreSQL for the integration tests. Either set {EnvironmentVariable} to an admin connection string " +
            "(e.g. Host=127.0.0.1;Port=5432;Username=postgres;Password=…), or install PostgreSQL so that initdb and pg_ctl " +
            "are on PATH or under /usr/lib/postgresql/*/bin (Debian: apt-get install -y postgresql).");
        _dataDirectory = Path.Combine(Path.GetTempPath(), "ocop-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_dataDirectory);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
            await RunAsync("chown", $"postgres:postgres {_dataDirectory}", asPostgres: false);
        }

        var port = FreePort();
        await RunAsync(Path.Combine(_binDirectory, "initdb"), $"-D {_dataDirectory} -A trust -U postgres -E UTF8 --locale=C", asRoot);
        await RunAsync(Path.Combine(_binDirectory, "pg_ctl"),
            $"-D {_dataDirectory} -l {_dataDirectory}/server.log -w -t 60 -o \"-p {port} -k {_dataDirectory} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start",
            asRoot);
        _adminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
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

    /// <summary>Creates an empty database for one test and returns its connection string.</summary>
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
