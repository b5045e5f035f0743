using System.Net.Sockets;
using Ocop.MarketSync.IntegrationTests.Infrastructure;

namespace Ocop.MarketSync.IntegrationTests.Cli;

/// <summary>
/// The service started as its own process: a bad cron stops it before it touches the database, naming the key; a
/// disabled channel needs no credentials.
/// </summary>
public sealed class StartupConfigurationTests
{
    /// <summary>A PostgreSQL that cannot be reached: had the start touched the database, it would fail naming this instead.</summary>
    private static readonly string[] UnreachableDatabase =
    [
        "--environment=IntegrationTest", "--urls=http://127.0.0.1:0", "--Storage:Provider=Postgres", "--Storage:MigrateOnStart=false",
        "--Storage:ConnectionString=Host=127.0.0.1;Port=1;Database=marketsync;Username=u;Password=p;Timeout=2",
        "--Hangfire:Storage=InMemory", "--Staff:Password=integration-test-password", "--Staff:GeneratePassword=false",
        "--Sandbox:Marketplaces:Enabled=false",
    ];

    [Theory]
    [InlineData("Intake:PullCron")]
    [InlineData("Intake:FullCron")]
    [InlineData("Certificates:ExpiryCron")]
    [InlineData("WriteBack:Cron")]
    [InlineData("Audit:PurgeCron")]
    [InlineData("Reconciliation:Cron")]
    public async Task Serve_BadCron_FailsBeforeTheDatabaseNamingTheKey(string key)
    {
        await using var worker = await WorkerProcess.RunAsync([.. UnreachableDatabase, $"--{key}=*/61 * * * *"], TimeSpan.FromSeconds(90));

        Assert.Equal(1, worker.ExitCode);
        Assert.Contains($"{key} '*/61 * * * *' is not a valid cron expression", worker.AllOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1:1", worker.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_GoodCrons_ReachesTheDatabase()
    {
        // The control of the test above: with valid crons the same start gets as far as the (unreachable) database.
        await using var worker = await WorkerProcess.RunAsync(UnreachableDatabase, TimeSpan.FromSeconds(90));

        Assert.Equal(1, worker.ExitCode);
        Assert.Contains("127.0.0.1:1", worker.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_DisabledChannelsWithoutCredentials_Starts()
    {
        var port = FreePort();
        string[] args =
        [
            "--environment=IntegrationTest", $"--urls=http://127.0.0.1:{port}", "--Staff:Password=integration-test-password",
            "--Staff:GeneratePassword=false", "--Sandbox:Marketplaces:Enabled=false",
            .. Channels(enabled: false),
        ];
        await using var worker = WorkerProcess.Start(args);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await LiveAsync(client))
        {
            Assert.False(worker.HasExited, $"The service exited:{Environment.NewLine}{worker.AllOutput}");
            Assert.True(DateTime.UtcNow < deadline, $"No /health/live within 90 s:{Environment.NewLine}{worker.AllOutput}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Serve_EnabledChannelsWithoutCredentials_FailsNamingTheSecretKeys()
    {
        // The control of the test above: the same channels enabled must have their secrets.
        await using var worker = await WorkerProcess.RunAsync(
            ["--environment=IntegrationTest", "--urls=http://127.0.0.1:0", "--Staff:Password=integration-test-password",
             "--Staff:GeneratePassword=false", "--Sandbox:Marketplaces:Enabled=false", .. Channels(enabled: true)],
            TimeSpan.FromSeconds(90));

        Assert.Equal(1, worker.ExitCode);
        Assert.Contains("SHOPEE_SIM:PartnerId", worker.AllOutput, StringComparison.Ordinal);
        Assert.Contains("TTS_SIM:AppKey", worker.AllOutput, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Channels(bool enabled) =>
        new[] { "shopee-sim", "lazada-sim", "tiktokshop-sim" }.SelectMany(id => SimulatorChannelArgs.For(id,
            ("Enabled", enabled ? "true" : "false"), ("BaseUrl", "http://127.0.0.1:9/")));

    private static async Task<bool> LiveAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync("health/live", TestContext.Current.CancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
