using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ocop.MarketSync.IntegrationTests.Infrastructure;

namespace Ocop.MarketSync.IntegrationTests.Host;

/// <summary>
/// Issue 5, "the embedded default can be configured to use the simulators": the real service in its own process on
/// SQLite with <c>Sandbox:Marketplaces:Simulators:Enabled</c>, observed only through its HTTP API and the simulators'
/// seller-centre stand-ins, as a person trying it would.
/// </summary>
public sealed class EmbeddedSimulatorsTests(SimulatorWorker worker) : IClassFixture<SimulatorWorker>
{

    /// <summary>Time for the first intake and push of every channel (about 10 s on a quiet machine).</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(90);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serve_SimulatorsEnabled_SampleProductsBecomeActiveOnEverySimulatorChannelWithoutAnOperatorStep()
    {
        using var client = worker.Client();
        foreach (var (channelId, marketplace) in SimulatorWorker.Channels)
        {
            var channel = await worker.WaitUntilSettledAsync(channelId, SimulatorWorker.OnSale(channelId), Settle);

            Assert.Equal(marketplace, channel.GetProperty("marketplace").GetString());
            // Authorised at start with a code from the simulator: nobody ran `channel authorize`.
            Assert.Equal("Authorized", channel.GetProperty("authorization").GetProperty("status").GetString());
            var active = await client.GetFromJsonAsync<JsonElement>($"api/channels/{channelId}/listings?state=Active&pageSize=100", Ct);
            Assert.Equal(SimulatorWorker.OnSale(channelId), active.GetProperty("total").GetInt32());
            var listed = active.GetProperty("items").EnumerateArray().ToList();
            Assert.All(listed, l => Assert.False(string.IsNullOrEmpty(l.GetProperty("remoteId").GetString())));

            // The marketplace holds exactly those items, one per seller SKU: the adapter really created them there.
            var items = await SellerCentreAsync(channelId, query: "");
            Assert.Equal(SimulatorWorker.OnSale(channelId), items.GetArrayLength());
            Assert.Equal(
                listed.Select(l => l.GetProperty("sellerSku").GetString()).Order(StringComparer.Ordinal),
                items.EnumerateArray().Select(i => i.GetProperty(Shop(channelId).SkuProperty).GetString()).Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData("shopee-sim")]
    [InlineData("lazada-sim")]
    [InlineData("tiktokshop-sim")]
    public async Task Webhook_SignedAfterAPriceEditInSellerCentre_IsReadBackAndTheDesiredPriceReasserted(string channelId)
    {
        await worker.WaitUntilSettledAsync(channelId, SimulatorWorker.OnSale(channelId), Settle);
        using var client = worker.Client();
        var listing = (await client.GetFromJsonAsync<JsonElement>("api/products/REG-00002/listings", Ct))
            .EnumerateArray().Single(l => l.GetProperty("channel").GetString() == channelId);
        var desired = listing.GetProperty("desiredPriceVnd").GetInt64();
        var shop = Shop(channelId);
        var item = (await SellerCentreAsync(channelId, "?sku=OCOP-REG-00002")).EnumerateArray().Single();
        var itemId = item.GetProperty(shop.IdProperty).ToString();

        // The seller lowers the price by hand in seller centre; the service is not told.
        using (var sellerCentre = SimulatorClient(channelId))
        using (var edit = await sellerCentre.PostAsync(string.Create(CultureInfo.InvariantCulture, $"{itemId}/price?value={desired - 16_000}"), null, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }

        using var push = SignedMarketplacePush.About(shop.Marketplace, item, worker.ChannelsFile.GetSection($"Channels:{channelId}"),
            new Uri(worker.BaseAddress, $"api/marketplaces/{shop.Marketplace}/webhook"));
        var captured = await push.Content!.ReadAsByteArrayAsync(Ct);
        using var response = await client.SendAsync(push, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("queued").GetInt32());

        // The same message byte for byte again (a capture replayed, or a redelivery): acknowledged, nothing queued.
        using var replay = new HttpRequestMessage(HttpMethod.Post, push.RequestUri) { Content = new ByteArrayContent(captured) };
        replay.Content.Headers.ContentType = push.Content.Headers.ContentType;
        replay.Headers.TryAddWithoutValidation("Authorization", push.Headers.GetValues("Authorization"));
        using var replayed = await client.SendAsync(replay, Ct);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal(0, (await replayed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("queued").GetInt32());
        await worker.WaitAsync(async () =>
            (await SellerCentreAsync(channelId, $"/{itemId}")).GetProperty(shop.PriceProperty).GetInt64() == desired,
            TimeSpan.FromSeconds(30), string.Create(CultureInfo.InvariantCulture, $"the price of {channelId} item {itemId} back at {desired}"));

        // The service read the item back (a one-item reconciliation found the price drift) and pushed the price.
        var runs = await client.GetFromJsonAsync<JsonElement>($"api/channels/{channelId}/reconciliations", Ct);
        var run = runs.GetProperty("items").EnumerateArray().First(r => r.GetProperty("requestedBy").GetString()!.StartsWith("webhook:", StringComparison.Ordinal));
        Assert.Equal(("Succeeded", 1, 1), (run.GetProperty("status").GetString(),
            run.GetProperty("counts").GetProperty("checked").GetInt32(), run.GetProperty("counts").GetProperty("driftedPrice").GetInt32()));
        JsonElement repair = default;
        await worker.WaitAsync(async () =>
        {
            var history = await client.GetFromJsonAsync<JsonElement>($"api/listings/{listing.GetProperty("id").GetInt64()}/history", Ct);
            repair = history.GetProperty("items").EnumerateArray().FirstOrDefault(a => a.GetProperty("operation").GetString() == "Price");
            return repair.ValueKind == JsonValueKind.Object;
        }, TimeSpan.FromSeconds(10), "the price push in the listing's history");
        Assert.Equal((desired, "ok"), (repair.GetProperty("sent").GetProperty("priceVnd").GetInt64(), repair.GetProperty("result").GetString()));
    }

    /// <summary>How each simulator's seller-centre stand-in names an item's fields.</summary>
    private static (string Marketplace, string IdProperty, string PriceProperty, string SkuProperty) Shop(string channelId) =>
        SimulatorWorker.Channels[channelId] switch
        {
            "shopee" => ("shopee", "itemId", "originalPrice", "itemSku"),
            "lazada" => ("lazada", "itemId", "price", "sellerSku"),
            "tiki" => ("tiki", "productId", "price", "originalSku"),
            "sendo" => ("sendo", "id", "price", "sku"),
            _ => ("tiktokshop", "id", "priceVnd", "sellerSku"),
        };

    private HttpClient SimulatorClient(string channelId) =>
        new() { BaseAddress = new Uri(worker.Simulator(channelId), $"sandbox/{SimulatorWorker.Channels[channelId]}/items/") };

    private async Task<JsonElement> SellerCentreAsync(string channelId, string query)
    {
        using var client = SimulatorClient(channelId);
        return await client.GetFromJsonAsync<JsonElement>(new Uri(client.BaseAddress!.AbsoluteUri.TrimEnd('/') + query), Ct);
    }
}
