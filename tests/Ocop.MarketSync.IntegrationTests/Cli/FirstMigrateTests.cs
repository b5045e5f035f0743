using Ocop.MarketSync.IntegrationTests.Infrastructure;

namespace Ocop.MarketSync.IntegrationTests.Cli;

/// <summary>The first <c>migrate</c> of an empty database is the first thing an operator sees: no false ERROR lines.</summary>
public sealed class FirstMigrateTests(PostgresServer postgres)
{
    [Fact]
    public async Task Migrate_OnAnEmptyPostgresDatabase_PrintsNoErrorAndCheckBeforeItNeither()
    {
        var connectionString = await postgres.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        string[] args =
        [
            "--environment=IntegrationTest", "--Storage:Provider=Postgres", "--Storage:MigrateOnStart=false",
            $"--Storage:ConnectionString={connectionString}", "--Hangfire:Storage=Postgres", "--Staff:Password=a-long-enough-password",
        ];

        await using var check = await WorkerProcess.RunAsync(["migrate", "--check", .. args], TimeSpan.FromSeconds(90));
        await using var migrate = await WorkerProcess.RunAsync(["migrate", .. args], TimeSpan.FromSeconds(90));

        Assert.Equal((1, 0), (check.ExitCode, migrate.ExitCode));
        Assert.Contains("migration(s) applied", migrate.AllOutput, StringComparison.Ordinal);
        AssertNoError(check.AllOutput);
        AssertNoError(migrate.AllOutput);
    }

    [Fact]
    public async Task Migrate_OnANewSqliteFile_PrintsNoError()
    {
        await using var migrate = await WorkerProcess.RunAsync(["migrate", "--environment=IntegrationTest"], TimeSpan.FromSeconds(90));

        Assert.Equal(0, migrate.ExitCode);
        AssertNoError(migrate.AllOutput);
    }

    private static void AssertNoError(string output)
    {
        Assert.DoesNotContain("Failed executing DbCommand", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"@l\":\"Error\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain(" ERR]", output, StringComparison.Ordinal);
    }
}
