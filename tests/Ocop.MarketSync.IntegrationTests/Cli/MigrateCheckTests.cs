using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Worker.Cli;

namespace Ocop.MarketSync.IntegrationTests.Cli;

/// <summary><c>migrate --check</c>, what a worker pod waits with (deploy/k8s): 1 until the migrate run is done, then 0; it changes nothing.</summary>
public sealed class MigrateCheckTests(PostgresServer postgres)
{
    [Fact]
    public async Task Check_BeforeAndAfterTheMigration_FailsThenSucceeds()
    {
        var connectionString = await postgres.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        string[] args =
        [
            "--environment=IntegrationTest", "--Storage:Provider=Postgres", "--Storage:MigrateOnStart=false",
            $"--Storage:ConnectionString={connectionString}", "--Hangfire:Storage=Postgres", "--Staff:Password=a-long-enough-password",
        ];

        var before = await RunAsync(["migrate", "--check", .. args]);
        var stillBefore = await RunAsync(["migrate", "--check", .. args]);
        var migrate = await RunAsync(["migrate", .. args]);
        var after = await RunAsync(["migrate", "--check", "--wait", "00:00:30", .. args]);

        Assert.Equal((1, 1, 0, 0), (before, stillBefore, migrate, after));
    }

    private static Task<int> RunAsync(string[] args) =>
        MarketSyncCommandLine.Create(args).Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
}
