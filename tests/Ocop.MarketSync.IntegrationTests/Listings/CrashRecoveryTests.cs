using System.Diagnostics;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.Marketplace;
using Ocop.MarketSync.Sandbox.Registry;
using Ocop.MarketSync.Worker.Cli;

namespace Ocop.MarketSync.IntegrationTests.Listings;

/// <summary>
/// The real worker process is killed with SIGKILL in the middle of a push and started again: the listings
/// converge and no item exists twice (a create applied just before the kill is found by its seller SKU), and the
/// restarted node resumes at once — neither the dead run's lock nor its claimed batch (lease: the default 2 minutes)
/// holds the channel back.
/// </summary>
public sealed class CrashRecoveryTests(PostgresServer postgres)
{
    private const int Products = 600;

    [Fact]
    public async Task Push_WorkerKilledMidPushAndRestarted_ConvergesWithoutDuplicates()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await postgres.CreateDatabaseAsync(ct);
        var registry = ListingNodes.GeneratedRegistry(Products, "CRASH-");
        await using var registryServer = await SandboxServer.StartAsync(0, app => app.MapRegistrySandbox(registry), ct);
        // Slow calls, so the kill lands while creates are in flight.
        var marketplace = new MarketplaceSandbox(new MarketplaceSandboxOptions { Faults = new MarketplaceSandboxFaultOptions { Latency = TimeSpan.FromMilliseconds(250) } });
        await using var marketServer = await SandboxServer.StartAsync(0, app => app.MapMarketplaceSandbox(marketplace), ct);
        var args = WorkerArgs(connectionString, registryServer.BaseUrl, marketServer.BaseUrl);
        Assert.Equal(0, await MarketSyncCommandLine.Create(["migrate", .. args]).Parse(["migrate", .. args]).InvokeAsync(cancellationToken: ct));

        using (var first = WorkerProcess.Start(args))
        {
            await WorkerProcess.WaitUntilAsync(() => marketplace.ItemsCreated >= 100, TimeSpan.FromSeconds(180), "100 items created", first);
            await first.KillAsync();
        }

        var createdBeforeKill = marketplace.ItemsCreated;
        Assert.InRange(createdBeforeKill, 100, Products - 1);

        var restarted = Stopwatch.StartNew();
        using var second = WorkerProcess.Start(args);
        // Seconds in practice (process start, then the push triggered at start); a stale lock or lease meant minutes.
        await WorkerProcess.WaitUntilAsync(() => marketplace.ItemsCreated > createdBeforeKill, TimeSpan.FromSeconds(45), "the restarted node to create again", second);
        TestContext.Current.TestOutputHelper?.WriteLine($"MEASURE restart-resume: the restarted node created its first item {restarted.Elapsed.TotalSeconds:0.0} s after it was started");
        await WorkerProcess.WaitUntilAsync(() => ListingNodes.ActiveListings(connectionString) == Products, TimeSpan.FromSeconds(150), "every listing Active", second);

        Assert.Equal(0, marketplace.DuplicateSkuCount);
        Assert.Equal(Products, marketplace.Items.Count);
        Assert.Equal(Products, marketplace.Items.Select(i => i.SellerSku).Distinct(StringComparer.Ordinal).Count());
    }

    private static string[] WorkerArgs(string connectionString, Uri registry, Uri marketplace)
    {
        var args = new List<string>
        {
            "--environment=IntegrationTest", $"--urls=http://127.0.0.1:{WorkerProcess.FreePort()}",
            "--Storage:Provider=Postgres", "--Storage:MigrateOnStart=false", $"--Storage:ConnectionString={connectionString}",
            "--Hangfire:Storage=Postgres", "--Hangfire:QueuePollInterval=00:00:00.500",
            "--Staff:Password=integration-test-password", "--Staff:GeneratePassword=false",
            "--Sandbox:Registry:Enabled=false", $"--Registry:BaseUrl={registry}",
            "--Sandbox:Marketplaces:Enabled=false",
            "--Channels:ch-0:Marketplace=sandbox", $"--Channels:ch-0:BaseUrl={marketplace}",
        };
        args.AddRange(Enumerable.Range(1, 25).Select(set => $"--Channels:ch-0:Categories:{set}=cat-{set:00}"));
        return [.. args];
    }
}
