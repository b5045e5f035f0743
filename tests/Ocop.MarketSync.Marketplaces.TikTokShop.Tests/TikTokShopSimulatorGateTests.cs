using System.Text.Json.Nodes;

namespace Ocop.MarketSync.Marketplaces.TikTokShop.Tests;

/// <summary>
/// The simulator's gateway on hand-made requests: it refuses what TikTok refuses, with TikTok's error body
/// (<c>code</c>, <c>message</c>, <c>request_id</c>), so adapter runs against it mean something.
/// </summary>
public sealed class TikTokShopSimulatorGateTests(SimulatorServer server) : IClassFixture<SimulatorServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int Status, long Code, string? RequestId)> SendAsync(
        string path, string? shopCipher, Func<string, string>? tamperSign = null, TimeSpan? clockOffset = null)
    {
        var tokens = server.Tokens().Current;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUrl, path))
        {
            Content = TikTokShopRequestSigning.Json("""{"status":"ALL","seller_skus":["Mật-ong-1"]}"""),
        };
        var body = await TikTokShopRequestSigning.FreezeBodyAsync(request, Ct);
        TikTokShopRequestSigning.Sign(request, body, TikTokShopHarness.AppKey, TikTokShopHarness.AppSecret, tokens.AccessToken, shopCipher,
            DateTimeOffset.UtcNow + (clockOffset ?? TimeSpan.Zero));
        if (tamperSign is not null)
        {
            var sign = TestSigning.Query(request.RequestUri!, "sign")!;
            request.RequestUri = new Uri(request.RequestUri!.ToString().Replace("sign=" + sign, "sign=" + tamperSign(sign), StringComparison.Ordinal));
        }

        using var http = new HttpClient();
        using var response = await http.SendAsync(request, Ct);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        return ((int)response.StatusCode, answer["code"]!.GetValue<long>(), answer["request_id"]?.GetValue<string>());
    }

    [Fact]
    public async Task Search_CorrectlySigned_IsAccepted()
    {
        var (status, code, requestId) = await SendAsync("product/202309/products/search?page_size=10", server.Simulator.Options.ShopCipher);

        Assert.Equal((200, 0L), (status, code));
        Assert.False(string.IsNullOrEmpty(requestId));
    }

    [Fact]
    public async Task Search_UppercaseSign_IsInvalidSign()
    {
        var answer = await SendAsync("product/202309/products/search?page_size=10", server.Simulator.Options.ShopCipher,
            sign => sign.ToUpperInvariant());

        Assert.Equal((401, 106001L), (answer.Status, answer.Code));
        Assert.False(string.IsNullOrEmpty(answer.RequestId));
    }

    [Fact]
    public async Task Search_SignWithOneHexDigitChanged_IsInvalidSign()
    {
        var answer = await SendAsync("product/202309/products/search?page_size=10", server.Simulator.Options.ShopCipher);
        var tampered = await SendAsync("product/202309/products/search?page_size=10", server.Simulator.Options.ShopCipher,
            sign => sign[..^1] + (sign[^1] == '0' ? '1' : '0'));

        Assert.Equal(0L, answer.Code);
        Assert.Equal(106001L, tampered.Code);
    }

    [Fact]
    public async Task Search_WithoutShopCipher_Is106013()
    {
        var answer = await SendAsync("product/202309/products/search?page_size=10", null);

        Assert.Equal(106013L, answer.Code);
    }

    [Fact]
    public async Task Search_TimestampFortySecondsAhead_IsRefusedAs36009004()
    {
        var answer = await SendAsync("product/202309/products/search?page_size=10", server.Simulator.Options.ShopCipher, clockOffset: TimeSpan.FromSeconds(40));

        Assert.Equal((401, 36009004L), (answer.Status, answer.Code));
    }

    [Fact]
    public async Task Search_PageSizeAboveHundred_IsRefused()
    {
        var answer = await SendAsync("product/202309/products/search?page_size=101", server.Simulator.Options.ShopCipher);

        Assert.NotEqual(0L, answer.Code);
    }
}
