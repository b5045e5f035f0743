using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.Shopee;

namespace Ocop.MarketSync.Marketplaces.Shopee.Tests;

/// <summary>The simulator on its own, over raw HTTP: Shopee's envelope, error bodies and limits, whatever client calls it.</summary>
public sealed class ShopeeSimulatorWireTests : IAsyncLifetime
{
    private readonly ShopeeSimulator _simulator = new(new ShopeeSimulatorOptions());
    private readonly HttpClient _http = new();
    private SandboxServer? _server;
    private string _token = string.Empty;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(0, app => app.MapShopeeSimulator(_simulator), Ct);
        _token = _simulator.IssueTokens(ShopeeTestChannel.ShopId).AccessToken;
    }

    [Fact]
    public async Task UnlistItem_FiftyOneItems_IsRefusedWithErrorParamAndNothingChanges()
    {
        var ids = Enumerable.Range(0, 51).Select(i => _simulator.InsertOrphan(ShopeeTestChannel.ShopId, $"W-{i}")).ToList();
        var body = new JsonObject { ["item_list"] = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject { ["item_id"] = id, ["unlist"] = true })]) };

        var (status, answer) = await PostAsync("/api/v2/product/unlist_item", body.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("error_param", answer["error"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(answer["request_id"]!.GetValue<string>()));
        Assert.All(_simulator.Items, i => Assert.Equal("NORMAL", i.ItemStatus));
    }

    [Fact]
    public async Task UpdatePrice_DecimalDong_LandsInFailureListUnderAnEmptyError()
    {
        var id = _simulator.InsertOrphan(ShopeeTestChannel.ShopId, "W-P");

        var (status, answer) = await PostAsync("/api/v2/product/update_price",
            $$"""{"item_id":{{id}},"price_list":[{"model_id":0,"original_price":185000.5}]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("", answer["error"]!.GetValue<string>());
        Assert.Contains("whole number", answer["response"]!["failure_list"]![0]!["failed_reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(100_000, _simulator.Items.Single().OriginalPrice);
    }

    [Theory]
    [InlineData("upper")]
    [InlineData("stale")]
    [InlineData("token")]
    public async Task AnyShopCall_BadCommonParameters_IsRefusedWithShopeesOwnErrorBody(string fault)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - (fault == "stale" ? 600 : 0);
        var token = fault == "token" ? "not-a-token" : _token;
        var sign = ShopeeSigner.Sign(ShopeeTestChannel.PartnerKey, ShopeeTestChannel.PartnerId, "/api/v2/product/search_item", timestamp, token, ShopeeTestChannel.ShopId);
        var url = Url("/api/v2/product/search_item", timestamp, fault == "upper" ? sign.ToUpperInvariant() : sign, token) + "&item_sku=A&offset=&page_size=10";

        using var response = await _http.GetAsync(new Uri(url), Ct);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        var expected = fault switch { "upper" => "error_sign", "stale" => "error_param", _ => "invalid_acceess_token" };
        Assert.Equal(expected, answer["error"]!.GetValue<string>());
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(answer["response"]);
    }

    private async Task<(HttpStatusCode Status, JsonNode Answer)> PostAsync(string path, string json)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var sign = ShopeeSigner.Sign(ShopeeTestChannel.PartnerKey, ShopeeTestChannel.PartnerId, path, timestamp, _token, ShopeeTestChannel.ShopId);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(Url(path, timestamp, sign, _token)), content, Ct);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!);
    }

    private string Url(string path, long timestamp, string sign, string token) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{_server!.BaseUrl.ToString().TrimEnd('/')}{path}?partner_id={ShopeeTestChannel.PartnerId}&timestamp={timestamp}&access_token={token}&shop_id={ShopeeTestChannel.ShopId}&sign={sign}");

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
