using System.Net.Http.Json;
using System.Text.Json;
using Ocop.MarketSync.IntegrationTests.Infrastructure;

namespace Ocop.MarketSync.IntegrationTests.Host;

/// <summary>
/// The simulators of the embedded default on PostgreSQL, and across a restart: the simulators keep their shops in
/// memory, so a restarted service must authorise its channels again and list its items again by itself.
/// </summary>
public sealed class EmbeddedSimulatorsOnPostgresTests(SimulatorWorkerOnPostgres worker) : IClassFixture<SimulatorWorkerOnPostgres>
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(90);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serve_RestartedWithEmptySimulators_AuthorisesAgainAndListsTheItemsAgain()
    {
        foreach (var channelId in SimulatorWorker.Channels.Keys)
        {
            await worker.WaitUntilSettledAsync(channelId, SimulatorWorker.OnSale(channelId), Settle);
        }

        await worker.RestartAsync();

        using var client = worker.Client();
        foreach (var (channelId, marketplace) in SimulatorWorker.Channels)
        {
            // Until the reconciliation queued at start has run, the listings still say Active from before the restart.
            JsonElement relist = default;
            await worker.WaitAsync(async () =>
            {
                var runs = await client.GetFromJsonAsync<JsonElement>($"api/channels/{channelId}/reconciliations", Ct);
                relist = runs.GetProperty("items").EnumerateArray().SingleOrDefault(r => r.GetProperty("requestedBy").GetString() == "embedded-start");
                return relist.ValueKind == JsonValueKind.Object && relist.GetProperty("status").GetString() is "Succeeded" or "Failed";
            }, Settle, () => $"the reconciliation of {channelId} queued at start (last seen: {relist})");
            // It found every item missing from the new simulator; they are created again.
            Assert.Equal(("Succeeded", SimulatorWorker.OnSale(channelId)), (relist.GetProperty("status").GetString(), relist.GetProperty("counts").GetProperty("missing").GetInt32()));
            var channel = await worker.WaitUntilSettledAsync(channelId, SimulatorWorker.OnSale(channelId), Settle);
            Assert.Equal("Authorized", channel.GetProperty("authorization").GetProperty("status").GetString());
            await worker.WaitAsync(async () =>
            {
                using var simulator = new HttpClient();
                var items = await simulator.GetFromJsonAsync<JsonElement>(new Uri(worker.Simulator(channelId), $"sandbox/{marketplace}/items"), Ct);
                return items.GetArrayLength() == SimulatorWorker.OnSale(channelId);
            }, TimeSpan.FromSeconds(30), $"{SimulatorWorker.OnSale(channelId)} items in the restarted {channelId} simulator");
        }
    }
}
