using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.Marketplace;
using Ocop.MarketSync.Sandbox.Registry;
using Ocop.MarketSync.Sync.Jobs;
using Ocop.MarketSync.Worker.Cli;

namespace Ocop.MarketSync.IntegrationTests.Listings;

/// <summary>
/// Three worker processes on one PostgreSQL, four channels on sandbox marketplaces served from the test process
/// (so the marketplaces outlive every node): pushes spread over the nodes, never two at once on a channel; the node
/// pushing a channel is killed with SIGKILL, another node takes the channel over within seconds, the dead node comes
/// back, and a price changed in the registry meanwhile reaches every marketplace — no duplicate, nothing lost.
/// </summary>
public sealed class ScaleOutTests(PostgresServer postgres)
{
    private const int Products = 250;
    private const int Nodes = 3;
    private const string Prefix = "SCALE-";
    private const int MaxInFlight = 4;
    private static readonly string[] ChannelIds = ["ch-0", "ch-1", "ch-2", "ch-3"];
    private static readonly string[] Repriced = ["SCALE-0003", "SCALE-0077", "SCALE-0150", "SCALE-0201", "SCALE-0249"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThreeNodes_NodePushingAChannelKilled_AnotherTakesOverAndAllConvergeWithoutDuplicates()
    {
        var connectionString = await postgres.CreateDatabaseAsync(Ct);
        var registry = ListingNodes.GeneratedRegistry(Products, Prefix);
        await using var registryServer = await SandboxServer.StartAsync(0, app => app.MapRegistrySandbox(registry), Ct);
        var marketplaces = new Dictionary<string, MarketplaceSandbox>(StringComparer.Ordinal);
        var servers = new List<SandboxServer>();
        try
        {
            foreach (var id in ChannelIds)
            {
                // One item per create call and 80 ms a call: a channel takes ~20 s to fill, so the kill lands mid-push.
                marketplaces[id] = new MarketplaceSandbox(new MarketplaceSandboxOptions { Faults = new MarketplaceSandboxFaultOptions { Latency = TimeSpan.FromMilliseconds(80) } });
                var market = marketplaces[id];
                servers.Add(await SandboxServer.StartAsync(0, app => app.MapMarketplaceSandbox(market), Ct));
            }

            var channelArgs = ChannelIds.Zip(servers).SelectMany(c => ChannelArgs(c.First, c.Second.BaseUrl)).ToList();
            string[] Args() => [.. CommonArgs(connectionString, registryServer.BaseUrl), .. channelArgs];
            var migrate = Args();
            Assert.Equal(0, await MarketSyncCommandLine.Create(["migrate", .. migrate]).Parse(["migrate", .. migrate]).InvokeAsync(cancellationToken: Ct));

            var nodes = Enumerable.Range(0, Nodes).Select(_ => WorkerProcess.Start(Args())).ToList();
            try
            {
                var holders = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
                using var sampling = new CancellationTokenSource();
                var sampler = SampleHoldersAsync(connectionString, holders, sampling.Token);

                // Kill the node that holds ch-0's push lock while it is filling ch-0.
                await WorkerProcess.WaitUntilAsync(() => marketplaces["ch-0"].ItemsCreated >= 40, TimeSpan.FromSeconds(120), "40 items on ch-0", [.. nodes]);
                var victimPid = await WaitForHolderAsync(connectionString, "push:ch-0", except: null, TimeSpan.FromSeconds(30));
                var victim = nodes.Single(n => n.Pid == victimPid);
                var killedAt = Stopwatch.StartNew();
                await victim.KillAsync();
                var createdAtKill = marketplaces["ch-0"].ItemsCreated;
                Assert.True(createdAtKill < Products, $"ch-0 was already full ({createdAtKill}) when its pusher was killed");

                // Meanwhile the registry changes prices: these must not be lost with the dead node.
                foreach (var registryId in Repriced)
                {
                    registry.Change(registryId, p => p["priceVnd"] = 209000);
                }

                var successor = await WaitForHolderAsync(connectionString, "push:ch-0", except: victimPid, TimeSpan.FromSeconds(90));
                var takeover = killedAt.Elapsed;
                await WorkerProcess.WaitUntilAsync(() => marketplaces["ch-0"].ItemsCreated > createdAtKill, TimeSpan.FromSeconds(30), "ch-0 filled further after the takeover", [.. nodes.Where(n => n != victim)]);
                var firstCreateAfterKill = killedAt.Elapsed;

                // The dead node is started again 5 s after the crash, as an orchestrator would.
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, 5 - killedAt.Elapsed.TotalSeconds)), Ct);
                nodes[nodes.IndexOf(victim)] = WorkerProcess.Start(Args());
                victim.Dispose();

                await WorkerProcess.WaitUntilAsync(() => ListingNodes.ActiveListings(connectionString) == Products * ChannelIds.Length
                    && ChannelIds.All(id => Repriced.All(r => marketplaces[id].FindBySku("OCOP-" + r).SingleOrDefault()?.PriceVnd == 209000)),
                    TimeSpan.FromSeconds(240), "every listing Active with the new prices on every channel", [.. nodes]);
                await sampling.CancelAsync();
                await sampler;

                var output = TestContext.Current.TestOutputHelper;
                output?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"MEASURE takeover: pid {victimPid} killed; pid {successor} held push:ch-0 {takeover.TotalSeconds:0.0} s later, first new item {firstCreateAfterKill.TotalSeconds:0.0} s after the kill"));
                foreach (var (resource, pids) in holders.OrderBy(h => h.Key, StringComparer.Ordinal))
                {
                    output?.WriteLine($"MEASURE holders {resource}: {string.Join(", ", pids)}");
                }

                Assert.True(successor != victimPid);
                // Pushes spread: more than one node pushed over the run (which node takes which channel is Hangfire's draw).
                Assert.True(holders.Where(h => h.Key.StartsWith("push:", StringComparison.Ordinal)).SelectMany(h => h.Value).Distinct().Count() >= 2,
                    "every push ran on one node: " + string.Join("; ", holders.Select(h => $"{h.Key}={string.Join(",", h.Value)}")));
                foreach (var (id, market) in marketplaces)
                {
                    Assert.Equal(0, market.DuplicateSkuCount);
                    Assert.Equal(Products, market.Items.Count);
                    Assert.All(market.Items, i => Assert.True(i.Active, $"{id}: {i.SellerSku} not active"));
                    // One pusher per channel across all nodes, with its lanes: never more requests at once on a shop than
                    // one pusher's MaxInFlight (two pushers would reach twice that).
                    Assert.InRange(market.MaxConcurrentRequests, 1, MaxInFlight);
                }
            }
            finally
            {
                foreach (var node in nodes)
                {
                    node.Dispose();
                }
            }
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    private static IEnumerable<string> CommonArgs(string connectionString, Uri registry) =>
    [
        "--environment=IntegrationTest", $"--urls=http://127.0.0.1:{WorkerProcess.FreePort()}",
        "--Storage:Provider=Postgres", "--Storage:MigrateOnStart=false", $"--Storage:ConnectionString={connectionString}",
        "--Hangfire:Storage=Postgres", "--Hangfire:QueuePollInterval=00:00:00.500", "--Hangfire:WorkerCount=2",
        "--Staff:Password=integration-test-password", "--Staff:GeneratePassword=false",
        "--Sandbox:Registry:Enabled=false", $"--Registry:BaseUrl={registry}", "--Intake:PullCron=* * * * *",
        "--Sandbox:Marketplaces:Enabled=false",
    ];

    private static IEnumerable<string> ChannelArgs(string id, Uri baseUrl) =>
    [
        $"--Channels:{id}:Marketplace=sandbox", $"--Channels:{id}:BaseUrl={baseUrl}", $"--Channels:{id}:Sandbox:WriteBatchSize=1",
        $"--Channels:{id}:MaxInFlight={MaxInFlight}",
        .. Enumerable.Range(1, 25).Select(set => $"--Channels:{id}:Categories:{set}=cat-{set:00}"),
    ];

    /// <summary>Which worker process (pid) holds each run lock now, from pg_locks and the lock sessions' application_name.</summary>
    private static async Task<Dictionary<string, int>> HoldersAsync(string connectionString)
    {
        var resources = ChannelIds.Select(id => "push:" + id).Append("intake:registry").ToDictionary(PostgresRunLocks.KeyOf);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            """
            SELECT ((l.classid::bigint << 32) | l.objid::bigint), a.application_name
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND a.application_name LIKE 'ocop-marketsync-locks %'
              -- Advisory locks are per database; other tests run theirs on the same server at the same time.
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """, connection);
        var holders = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            if (resources.TryGetValue(reader.GetInt64(0), out var resource))
            {
                var name = reader.GetString(1);
                holders[resource] = int.Parse(name[(name.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return holders;
    }

    private static async Task<int> WaitForHolderAsync(string connectionString, string resource, int? except, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if ((await HoldersAsync(connectionString)).TryGetValue(resource, out var pid) && pid != except)
            {
                return pid;
            }

            await Task.Delay(50, Ct);
        }

        throw new TimeoutException($"No node other than {except} held {resource} within {timeout}.");
    }

    private static async Task SampleHoldersAsync(string connectionString, Dictionary<string, HashSet<int>> seen, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            foreach (var (resource, pid) in await HoldersAsync(connectionString))
            {
                if (!seen.TryGetValue(resource, out var pids))
                {
                    seen[resource] = pids = [];
                }

                pids.Add(pid);
            }

            try
            {
                await Task.Delay(200, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
