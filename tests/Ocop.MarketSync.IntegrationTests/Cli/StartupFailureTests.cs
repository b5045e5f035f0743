using Microsoft.Extensions.Options;
using Ocop.MarketSync.Worker.Cli;
using Ocop.MarketSync.Worker.Hosting;

namespace Ocop.MarketSync.IntegrationTests.Cli;

/// <summary>A bad configuration or an absent database stops the service at start, with a message naming the cause.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task PrepareStorage_PostgresUnreachable_FailsNamingTheKeyButNotThePassword()
    {
        string[] args =
        [
            "--environment=IntegrationTest", "--Storage:Provider=Postgres", "--Storage:MigrateOnStart=false",
            "--Storage:ConnectionString=Host=127.0.0.1;Port=1;Database=marketsync;Username=u;Password=s3cret-value;Timeout=2",
            "--Hangfire:Storage=InMemory", "--Staff:Password=a-long-enough-password",
        ];
        await using var app = await MarketSyncHost.BuildAsync(args, HostMode.Command, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => MarketSyncHost.PrepareStorageAsync(app.Services, TestContext.Current.CancellationToken));

        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareStorage_ConnectionStringMissing_FailsNamingTheKey()
    {
        string[] args = ["--environment=IntegrationTest", "--Storage:ConnectionString=", "--Staff:Password=a-long-enough-password"];

        // Building the host already resolves the storage options (the dashboard needs Hangfire's storage).
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = await MarketSyncHost.BuildAsync(args, HostMode.Command, TestContext.Current.CancellationToken);
            await MarketSyncHost.PrepareStorageAsync(app.Services, TestContext.Current.CancellationToken);
        });

        Assert.Contains("Storage:ConnectionString is required.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_ConnectionStringOfTheWrongProvider_FailsNamingTheKey()
    {
        string[] args =
        [
            "--environment=IntegrationTest", "--Storage:Provider=Postgres", "--Storage:MigrateOnStart=false",
            "--Storage:ConnectionString=Data Source=data/marketsync.db", "--Staff:Password=a-long-enough-password",
        ];

        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = await MarketSyncHost.BuildAsync(args, HostMode.Command, TestContext.Current.CancellationToken);
            await MarketSyncHost.PrepareStorageAsync(app.Services, TestContext.Current.CancellationToken);
        });

        Assert.Contains("Storage:ConnectionString is not a valid Postgres connection string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_ProductionWithoutStaffPassword_ExitsWithOne()
    {
        var db = Path.Combine(Path.GetTempPath(), $"ocop-start-{Guid.NewGuid():N}.db");
        string[] args =
        [
            "--environment=IntegrationTest", "--urls=http://127.0.0.1:0", $"--Storage:ConnectionString=Data Source={db}",
            "--Staff:GeneratePassword=false", "--Sandbox:Registry:Enabled=true",
        ];

        var exit = await MarketSyncCommandLine.Create(args).Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
    }
}
