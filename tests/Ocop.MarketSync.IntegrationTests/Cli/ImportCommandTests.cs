using Microsoft.EntityFrameworkCore;
using Npgsql;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Worker.Cli;

namespace Ocop.MarketSync.IntegrationTests.Cli;

/// <summary>`import FILE` on PostgreSQL: same validation as the pull, exit code 1 when nothing could be read.</summary>
public sealed class ImportCommandTests(PostgresServer postgres)
{
    [Fact]
    public async Task Import_SampleCsv_StoresItsRecordsAndExitsZero()
    {
        var args = await MigratedDatabaseArgsAsync();

        var exit = await RunAsync(["import", Path.Combine(AppContext.BaseDirectory, "Data", "import-sample.csv"), .. args]);

        Assert.Equal(0, exit);
        Assert.Equal(["REG-00002", "REG-00013"], await RegistryIdsAsync(args));
    }

    [Fact]
    public async Task Import_MissingOrUnreadableFile_ExitsOneAndStoresNothing()
    {
        var args = await MigratedDatabaseArgsAsync();
        var garbage = Path.Combine(Path.GetTempPath(), $"ocop-garbage-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(garbage, "{ this is not json", TestContext.Current.CancellationToken);

        var missing = await RunAsync(["import", "/nonexistent/products.json", .. args]);
        var unreadable = await RunAsync(["import", garbage, .. args]);

        Assert.Equal((1, 1), (missing, unreadable));
        Assert.Empty(await RegistryIdsAsync(args));
    }

    private async Task<string[]> MigratedDatabaseArgsAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        string[] args =
        [
            "--environment=IntegrationTest", "--Storage:Provider=Postgres", "--Storage:MigrateOnStart=false",
            $"--Storage:ConnectionString={connectionString}", "--Hangfire:Storage=Postgres",
            "--Staff:Password=a-long-enough-password",
        ];
        Assert.Equal(0, await RunAsync(["migrate", .. args]));
        return args;
    }

    private static Task<int> RunAsync(string[] args) =>
        MarketSyncCommandLine.Create(args).Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

    private static async Task<List<string>> RegistryIdsAsync(string[] args)
    {
        var connectionString = args.Single(a => a.StartsWith("--Storage:ConnectionString=", StringComparison.Ordinal))["--Storage:ConnectionString=".Length..];
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("select registry_id from marketsync.products order by 1", connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
