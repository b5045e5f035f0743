using System.Text.Json.Nodes;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.TikTokShop.Tests;

/// <summary>A simulator with a tight rate limit (one request per 20 s per API, so a slow runner cannot refill it): its 429 signal, and its batch limit refusing a raw oversize call.</summary>
public sealed class TikTokShopSimulatorLimitTests : IAsyncLifetime
{
    private readonly SimulatorServer _server = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var options = SimulatorServer.DefaultOptions();
        options.RequestsPerSecond = 0.05;
        options.Burst = 1;
        await _server.StartAsync(options);
    }

    [Fact]
    public async Task SetStatusAsync_SecondCallOfTheSameApiTooSoon_IsRateLimitedWith36009002()
    {
        // Arrange: TikTok counts per API, so both calls go to deactivate.
        var id = _server.Simulator.InsertOrphan("RL-1");
        var other = _server.Simulator.InsertOrphan("RL-2");
        await using var channel = TikTokShopHarness.Create(_server.BaseUrl, _server.Tokens());

        // Act
        var first = Assert.Single(await channel.Client.SetStatusAsync([new StatusUpdate(id, "RL-1", false)], Ct));
        var second = Assert.Single(await channel.Client.SetStatusAsync([new StatusUpdate(other, "RL-2", false)], Ct));

        // Assert
        Assert.True(first.Succeeded, first.Error?.Message);
        var limited = Assert.IsType<MarketplaceError.RateLimited>(second.Error);
        Assert.Contains("36009002", limited.Message, StringComparison.Ordinal);
        Assert.NotNull(limited.RequestId);
        Assert.Equal(("SELLER_DEACTIVATED", "ACTIVATE"), (_server.Simulator.Get(id)!.Status, _server.Simulator.Get(other)!.Status));
    }

    [Fact]
    public async Task Deactivate_TwentyOneIdsSentRaw_IsRefusedWith12019120()
    {
        // Arrange: a correctly signed request the adapter itself would never send.
        var tokens = _server.Tokens().Current;
        var body = new JsonObject { ["product_ids"] = new JsonArray([.. Enumerable.Range(0, 21).Select(i => JsonValue.Create($"p-{i}"))]) }.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.BaseUrl, "product/202309/products/deactivate"))
        {
            Content = TikTokShopRequestSigning.Json(body),
        };
        var bytes = await TikTokShopRequestSigning.FreezeBodyAsync(request, Ct);
        TikTokShopRequestSigning.Sign(request, bytes, TikTokShopHarness.AppKey, TikTokShopHarness.AppSecret, tokens.AccessToken,
            _server.Simulator.Options.ShopCipher, DateTimeOffset.UtcNow);
        using var http = new HttpClient();

        // Act
        using var response = await http.SendAsync(request, Ct);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        // Assert
        Assert.Equal(12019120, answer["code"]!.GetValue<long>());
        Assert.False(string.IsNullOrEmpty(answer["request_id"]!.GetValue<string>()));
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
