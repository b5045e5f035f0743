using Hangfire.PostgreSql;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using Npgsql;
using Ocop.MarketSync.Data;

namespace Ocop.MarketSync.Worker.Hosting;

/// <summary>
/// Applies our EF migrations and, on PostgreSQL, installs or upgrades Hangfire's schema: the explicit `migrate`
/// step. At service start it only checks (PostgreSQL) or migrates the embedded SQLite file (allowed there).
/// </summary>
internal sealed class DatabaseMigrator(
    MarketSyncDbContext db,
    IOptions<StorageOptions> storage,
    IOptions<HangfireOptions> hangfire,
    ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var options = storage.Value;
        if (options.Provider == StorageProvider.Sqlite)
        {
            EnsureSqliteDirectory(options.ConnectionString!);
        }

        // EF reads its history table before creating it and logs the failed query as an ERROR (twice) on an empty
        // database; creating it first, with EF's own idempotent script, keeps a first migrate free of false errors.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct => await db.Database.MigrateAsync(ct), cancellationToken);
        logger.LogInformation("Database migrated ({Provider}): {Count} migration(s) applied", options.Provider, pending.Count);

        if (options.Provider == StorageProvider.Sqlite)
        {
            // WAL lets the API read while a job writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (hangfire.Value.Storage == HangfireStorageKind.Postgres)
        {
            await using var connection = new NpgsqlConnection(options.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            PostgreSqlObjectsInstaller.Install(connection, hangfire.Value.Schema);
            logger.LogInformation("Hangfire schema '{Schema}' installed or up to date", hangfire.Value.Schema);
        }
    }

    /// <summary>Fails fast, naming what is wrong, when the database is unreachable or not migrated.</summary>
    public async Task VerifyReadyAsync(CancellationToken cancellationToken)
    {
        var options = storage.Value;
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            throw new InvalidOperationException(
                $"Cannot connect to the {options.Provider} database of Storage:ConnectionString ({Describe(options.ConnectionString!)}).");
        }

        // Without a history table every migration is pending; asking EF would log its failed query as an ERROR.
        var pending = await HistoryExistsAsync(cancellationToken)
            ? (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList()
            : [.. db.Database.GetMigrations()];
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database has {pending.Count} pending migration(s) ({string.Join(", ", pending)}). Run the 'migrate' command first; the service never migrates PostgreSQL on its own.");
        }

        if (hangfire.Value.Storage == HangfireStorageKind.Postgres)
        {
            await using var connection = new NpgsqlConnection(options.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("select to_regclass(@table) is not null", connection);
            command.Parameters.AddWithValue("table", $"{hangfire.Value.Schema}.job");
            if (await command.ExecuteScalarAsync(cancellationToken) is not true)
            {
                throw new InvalidOperationException(
                    $"Hangfire's schema '{hangfire.Value.Schema}' is missing. Run the 'migrate' command first.");
            }
        }
    }

    /// <summary>
    /// Whether EF's history table exists, asked of the catalogue (EF's own check still ran the failing SELECT on an
    /// empty PostgreSQL database).
    /// </summary>
    private async Task<bool> HistoryExistsAsync(CancellationToken cancellationToken)
    {
        var sql = storage.Value.Provider == StorageProvider.Postgres
            ? $"SELECT to_regclass('{MarketSyncDbContext.Schema}.__ef_migrations_history') IS NOT NULL AS \"Value\""
            : "SELECT count(*) > 0 AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
#pragma warning disable EF1002 // A constant schema name, no input.
        return await db.Database.SqlQueryRaw<bool>(sql).SingleAsync(cancellationToken);
#pragma warning restore EF1002
    }

    /// <summary>Host and database only: a connection string may carry a password and must never be logged whole.</summary>
    private static string Describe(string connectionString)
    {
        try
        {
            var npgsql = new NpgsqlConnectionStringBuilder(connectionString);
            return $"host {npgsql.Host}:{npgsql.Port}, database {npgsql.Database}";
        }
        catch (ArgumentException)
        {
            return "connection string not shown";
        }
    }

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
