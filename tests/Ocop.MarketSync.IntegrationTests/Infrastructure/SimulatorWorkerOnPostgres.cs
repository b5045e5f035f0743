using Ocop.MarketSync.Worker.Cli;

namespace Ocop.MarketSync.IntegrationTests.Infrastructure;

/// <summary>
/// <see cref="SimulatorWorker"/> on PostgreSQL (a database of its own, our tables and Hangfire's), migrated first by
/// the real <c>migrate</c> command, since the service never migrates PostgreSQL by itself. Without the generic sandbox
/// marketplaces, which the tests on it do not look at: less to start and push on a busy CI machine.
/// </summary>
public sealed class SimulatorWorkerOnPostgres(PostgresServer postgres) : SimulatorWorker
{
    protected override async Task<IEnumerable<string>> VariantArgumentsAsync(string directory, CancellationToken cancellationToken)
    {
        var connectionString = await postgres.CreateDatabaseAsync(cancellationToken);
        string[] args =
        [
            "--environment=IntegrationTest",
            "--Storage:Provider=Postgres", "--Storage:MigrateOnStart=false", $"--Storage:ConnectionString={connectionString}",
            "--Hangfire:Storage=Postgres", "--Hangfire:QueuePollInterval=00:00:00.500",
        ];
        var exit = await MarketSyncCommandLine.Create(["migrate", .. args]).Parse(["migrate", .. args]).InvokeAsync(cancellationToken: cancellationToken);
        return exit == 0 ? [.. args[1..], "--Sandbox:Marketplaces:Enabled=false"] : throw new InvalidOperationException($"migrate exited with {exit}");
    }
}
