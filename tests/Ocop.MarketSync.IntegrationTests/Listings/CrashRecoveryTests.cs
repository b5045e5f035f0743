using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Npgsql;
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
        var registry = GeneratedRegistry(Products);
        await using var registryServer = await SandboxServer.StartAsync(0, app => app.MapRegistrySandbox(registry), ct);
        // Slow calls, so the kill lands while creates are in flight.
        var marketplace = new MarketplaceSandbox(new MarketplaceSandboxOptions { Faults = new MarketplaceSandboxFaultOptions { Latency = TimeSpan.FromMilliseconds(250) } });
        await using var marketServer = await SandboxServer.StartAsync(0, app => app.MapMarketplaceSandbox(marketplace), ct);
        var args = WorkerArgs(connectionString, registryServer.BaseUrl, marketServer.BaseUrl);
        Assert.Equal(0, await MarketSyncCommandLine.Create(["migrate", .. args]).Parse(["migrate", .. args]).InvokeAsync(cancellationToken: ct));

        using (var first = StartWorker(args))
        {
            await WaitUntilAsync(() => marketplace.ItemsCreated >= 100, TimeSpan.FromSeconds(90), first);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync(ct);
        }

        var createdBeforeKill = marketplace.ItemsCreated;
        Assert.InRange(createdBeforeKill, 100, Products - 1);

        var restarted = Stopwatch.StartNew();
        using var second = StartWorker(args);
        try
        {
            // Seconds in practice (process start, then the push triggered at start); a stale lock or lease meant minutes.
            await WaitUntilAsync(() => marketplace.ItemsCreated > createdBeforeKill, TimeSpan.FromSeconds(45), second);
            TestContext.Current.SendDiagnosticMessage($"Restarted node created its first item {restarted.Elapsed.TotalSeconds:0.0} s after it was started.");
            await WaitUntilAsync(() => ActiveListings(connectionString) == Products, TimeSpan.FromSeconds(150), second);
        }
        finally
        {
            second.Kill(entireProcessTree: true);
        }

        Assert.Equal(0, marketplace.DuplicateSkuCount);
        Assert.Equal(Products, marketplace.Items.Count);
        Assert.Equal(Products, marketplace.Items.Select(i => i.SellerSku).Distinct(StringComparer.Ordinal).Count());
    }

    private static string[] WorkerArgs(string connectionString, Uri registry, Uri marketplace)
    {
        var args = new List<string>
        {
            "--environment=IntegrationTest", $"--urls=http://127.0.0.1:{FreePort()}",
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

    private static Process StartWorker(string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetTempPath(), RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Ocop.MarketSync.Worker.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The worker did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Process worker)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.False(worker.HasExited, $"the worker exited with {(worker.HasExited ? worker.ExitCode : 0)}");
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not reached within {timeout}.");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private static int ActiveListings(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("select count(*) from marketsync.listings where state = 'Active' and not dirty", connection);
        try
        {
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (PostgresException)
        {
            return 0;
        }
    }

    /// <summary>N eligible goods made from REG-00002 (a 4★ rice), each with its own registry id.</summary>
    private static RegistrySandbox GeneratedRegistry(int count)
    {
        using var stream = RegistrySandbox.OpenSampleData();
        var template = JsonNode.Parse(stream)!.AsArray().OfType<JsonObject>().Single(p => p["registryId"]!.GetValue<string>() == "REG-00002");
        return new RegistrySandbox(Enumerable.Range(0, count).Select(i =>
        {
            var product = (JsonObject)template.DeepClone();
            product["registryId"] = "CRASH-" + i.ToString("D4", CultureInfo.InvariantCulture);
            return product;
        }));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
