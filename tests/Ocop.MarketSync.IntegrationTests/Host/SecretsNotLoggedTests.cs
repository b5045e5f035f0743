using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;
using Ocop.MarketSync.IntegrationTests.Infrastructure;

namespace Ocop.MarketSync.IntegrationTests.Host;

/// <summary>
/// The real service as its own process, on PostgreSQL with the marketplace simulators and JSON logs, given secrets
/// this test knows: none of them appears anywhere in what it writes while it syncs, stdout is JSON only, and a push
/// that found nothing to do logs at Debug only.
/// </summary>
public sealed class SecretsNotLoggedTests(PostgresServer postgres)
{
    [Fact]
    public async Task Serve_SyncingWithKnownSecrets_WritesNoneOfThemOnlyJsonOnStdoutAndIdlePushesAtDebug()
    {
        var ct = TestContext.Current.CancellationToken;
        var secrets = new Dictionary<string, string>
        {
            ["Staff__Password"] = "Staff-Pw-7f3a9c51e2",
            ["SHOPEE_SIM__PartnerKey"] = "shopee-partner-key-4b8e1d09",
            ["LAZADA_SIM__AppSecret"] = "lazada-app-secret-93c2a7f4",
            ["TTS_SIM__AppSecret"] = "tiktok-app-secret-5d61e8b3",
            ["TIKI_SIM__ClientSecret"] = "tiki-client-secret-7a0c52e9",
            ["SENDO_SIM__SecretKey"] = "sendo-secret-key-c3f19b64",
            ["Registry__ChangeNotifications__Secret"] = "registry-signing-secret-2e7f40aa",
        };
        const string dbPassword = "Db-Pw-c81f5e2d97";
        var connectionString = await DatabaseWithPasswordAsync(dbPassword, ct);
        secrets["Storage__ConnectionString"] = connectionString;
        var port = FreePort();
        string[] args =
        [
            "--environment=IntegrationTest", $"--urls=http://127.0.0.1:{port}",
            "--Storage:Provider=Postgres", "--Storage:MigrateOnStart=false", "--Hangfire:Storage=Postgres",
            "--Hangfire:QueuePollInterval=00:00:00.500", "--Staff:GeneratePassword=false",
            "--Sandbox:Marketplaces:Simulators:Enabled=true", "--Sandbox:Marketplaces:Enabled=false",
            "--Logs:Format=Json", "--Serilog:MinimumLevel:Default=Debug",
        ];
        await using (var migrate = WorkerProcess.Start(["migrate", .. args], secrets))
        {
            await WaitAsync(() => Task.FromResult(migrate.HasExited), TimeSpan.FromSeconds(120), migrate);
            Assert.True(migrate.ExitCode == 0, migrate.AllOutput);
            AssertNoSecret(migrate, [.. secrets.Values, dbPassword]);
        }

        await using var worker = WorkerProcess.Start(args, secrets);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        await WaitAsync(async () => await ActiveOnEverySimulatorChannelAsync(client), TimeSpan.FromSeconds(180), worker);

        // A staff call with the password (Basic) too: it must not be logged either.
        var basic = Convert.ToBase64String("staff:Staff-Pw-7f3a9c51e2"u8.ToArray());
        client.DefaultRequestHeaders.Authorization = new("Basic", basic);
        using (var push = await client.PostAsync("api/channels/shopee-sim/push", null, ct))
        {
            Assert.True(push.IsSuccessStatusCode, $"push answered {(int)push.StatusCode}");
        }

        // That push found nothing to do: wait for its summary, then check the levels of every push summary so far.
        await WaitAsync(() => Task.FromResult(PushSummaries(worker).Any(e => Channel(e) == "shopee-sim" && Int(e, "Claimed") == 0)),
            TimeSpan.FromSeconds(60), worker);
        AssertIdleRunsAtDebugOnly(worker);
        AssertNoSecret(worker, [.. secrets.Values, dbPassword, basic]);
        // What was searched is the sync's own output: the push summaries are there.
        Assert.Contains(PushSummaries(worker), e => Channel(e) == "shopee-sim" && Int(e, "Claimed") == 53);
        foreach (var line in worker.StandardOutput)
        {
            using var json = JsonDocument.Parse(line);
            Assert.True(json.RootElement.TryGetProperty("@t", out _), $"Not a log event on stdout: {line}");
        }

        // The banner went to stderr, where a person sees it and a log collector parsing stdout does not.
        Assert.Contains(worker.StandardError, line => line.Contains("Ocop.MarketSync is running on", StringComparison.Ordinal));
    }

    /// <summary>A push that claimed nothing is Debug; one that pushed is Information (the compact format omits "@l" then).</summary>
    private static void AssertIdleRunsAtDebugOnly(WorkerProcess worker)
    {
        var summaries = PushSummaries(worker).ToList();
        foreach (var summary in summaries)
        {
            var level = summary.TryGetProperty("@l", out var l) ? l.GetString() : "Information";
            var idle = Int(summary, "Claimed") == 0 && Int(summary, "Calls") == 0;
            Assert.True(level == (idle ? "Debug" : "Information"), $"{level}: {summary}");
        }

        Assert.Contains(summaries, e => Int(e, "Claimed") == 53);
    }

    private static IEnumerable<JsonElement> PushSummaries(WorkerProcess worker) =>
        worker.StandardOutput
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.TryGetProperty("SourceContext", out var source) && source.GetString() == "Ocop.MarketSync.Sync.Listings.Push.ListingPusher"
                && e.TryGetProperty("Claimed", out _));

    private static string? Channel(JsonElement e) => e.TryGetProperty("Channel", out var channel) ? channel.GetString() : null;

    private static int Int(JsonElement e, string property) => e.GetProperty(property).GetInt32();

    private static void AssertNoSecret(WorkerProcess process, IEnumerable<string> secrets)
    {
        var output = process.AllOutput;
        Assert.NotEmpty(output);
        foreach (var secret in secrets.Where(s => !s.StartsWith("Host=", StringComparison.Ordinal)))
        {
            Assert.False(output.Contains(secret, StringComparison.Ordinal), $"The output holds the secret '{secret}'.");
        }
    }

    private async Task<string> DatabaseWithPasswordAsync(string password, CancellationToken ct)
    {
        var database = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync(ct));
        var role = "app_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(postgres.AdminConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(
                $"CREATE ROLE {role} LOGIN PASSWORD '{password}'; ALTER DATABASE {database.Database} OWNER TO {role};", connection);
            await command.ExecuteNonQueryAsync(ct);
        }

        database.Username = role;
        database.Password = password;
        return database.ConnectionString;
    }

    private static async Task<bool> ActiveOnEverySimulatorChannelAsync(HttpClient client)
    {
        try
        {
            var channels = await client.GetFromJsonAsync<JsonElement>("api/channels", TestContext.Current.CancellationToken);
            return SimulatorWorker.Channels.Keys.All(id => channels.EnumerateArray().Any(c =>
                c.GetProperty("id").GetString() == id && c.GetProperty("listings").GetProperty("active").GetInt32() == SimulatorWorker.OnSale(id)));
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, WorkerProcess process)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited {timeout}.{Environment.NewLine}{process.AllOutput}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
