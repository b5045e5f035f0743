using System.Text;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Ocop.MarketSync.Marketplaces.TikTokShop.Tests;

/// <summary>A WireMock server standing in for TikTok (API, token host and our image host), one per test class.</summary>
public sealed class WireMockTikTok : IDisposable
{
    private DateTime _resetAt = DateTime.MinValue;

    public WireMockServer Server { get; } = WireMockServer.Start();

    public Uri BaseUrl => new($"http://127.0.0.1:{Server.Port}/");

    /// <summary>What the client sent since <see cref="Reset"/>, in order of arrival.</summary>
    public IReadOnlyList<IRequestMessage> Requests =>
        [.. Server.LogEntries.Select(e => e.RequestMessage).Where(r => r.DateTime >= _resetAt).OrderBy(r => r.DateTime)];

    public void Reset()
    {
        Server.Reset();
        _resetAt = DateTime.UtcNow;
        // Our image host; low priority so a test can answer one image differently.
        Server.Given(Request.Create().WithPath("/images/*").UsingGet()).AtPriority(200)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/jpeg").WithBody([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]));
    }

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with a TikTok envelope or any JSON.</summary>
    public void Answer(string method, string path, int status, string json)
    {
        // A low priority (a high number): tests add specific mappings at priority 1 that win over these.
        Server.Given(Request.Create().WithPath(path).UsingMethod(method)).AtPriority(100)
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json));
    }

    /// <summary>Answers <c>{"code":0,"message":"Success","request_id":…,"data":…}</c>.</summary>
    public void Ok(string method, string path, string dataJson, string requestId = "req-ok") =>
        Answer(method, path, 200, $$"""{"code":0,"message":"Success","request_id":"{{requestId}}","data":{{dataJson}}}""");

    public static byte[] BodyBytes(IRequestMessage request) => request.BodyAsBytes ?? Encoding.UTF8.GetBytes(request.Body ?? string.Empty);

    /// <summary>The request is signed exactly per the algorithm, with the channel's common parameters and token header.</summary>
    public static void AssertSigned(IRequestMessage request, string accessToken, string? shopCipher, bool bodySigned = true)
    {
        var url = new Uri(request.Url);
        Assert.Equal(TikTokShopHarness.AppKey, TestSigning.Query(url, "app_key"));
        Assert.Matches("^[0-9]{10}$", TestSigning.Query(url, "timestamp"));
        Assert.Equal(shopCipher, TestSigning.Query(url, "shop_cipher"));
        Assert.Null(TestSigning.Query(url, "access_token"));
        Assert.Equal(TestSigning.Expected(url, bodySigned ? BodyBytes(request) : []), TestSigning.Query(url, "sign"));
        Assert.Equal(accessToken, Assert.Single(request.Headers!["x-tts-access-token"]));
    }

    public static void AssertJsonBody(string expected, IRequestMessage request)
    {
        var sent = JsonNode.Parse(request.Body!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), sent), $"Sent body was {sent?.ToJsonString()}");
    }

    public void Dispose() => Server.Stop();
}
