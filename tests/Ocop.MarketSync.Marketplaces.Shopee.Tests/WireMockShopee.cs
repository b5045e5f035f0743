using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Ocop.MarketSync.Marketplaces.Shopee.Tests;

/// <summary>A WireMock server standing in for Shopee (and for the image host), one per test class.</summary>
public sealed class WireMockShopee : IDisposable
{
    /// <summary>The fixed clock of the contract tests: 2025-11-29 07:06:40 UTC.</summary>
    public const long Timestamp = 1764400000;

    private DateTime _resetAt = DateTime.MinValue;

    public WireMockServer Server { get; } = WireMockServer.Start();

    public Uri BaseUrl => new($"http://127.0.0.1:{Server.Port}/");

    /// <summary>What the client sent since <see cref="Reset"/>, image downloads aside, in order.</summary>
    public IReadOnlyList<IRequestMessage> ShopeeRequests =>
        [.. Server.LogEntries.Select(e => e.RequestMessage)
            .Where(r => r.DateTime >= _resetAt && r.Path.StartsWith("/api/v2/", StringComparison.Ordinal))
            .OrderBy(r => r.DateTime)];

    public void Reset()
    {
        Server.Reset();
        _resetAt = DateTime.UtcNow;
        Server.Given(Request.Create().WithPath("/img/*").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "image/jpeg").WithBody([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]));
    }

    public void Answer(string method, string path, string json, int status = 200, string? accessToken = null)
    {
        var request = Request.Create().WithPath(path).UsingMethod(method);
        if (accessToken is not null)
        {
            request = request.WithParam("access_token", accessToken);
        }

        Server.Given(request).RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json));
    }

    /// <summary>Shopee's envelope around a response.</summary>
    public static string Ok(string response, string requestId = "req-1") =>
        $$"""{"error":"","message":"","warning":"","request_id":"{{requestId}}","response":{{response}}}""";

    public static string Error(string error, string message, string requestId = "req-err") =>
        $$"""{"error":"{{error}}","message":"{{message}}","request_id":"{{requestId}}"}""";

    /// <summary>
    /// The request carries exactly Shopee's common parameters, signed for its path at the fixed clock. The expected
    /// sign is computed here with IncrementalHash, apart from the adapter's signer.
    /// </summary>
    public static void AssertSigned(IRequestMessage request, string? accessToken)
    {
        var query = request.Query!;
        Assert.Equal("2001887", query["partner_id"].Single());
        Assert.Equal(Timestamp.ToString(CultureInfo.InvariantCulture), query["timestamp"].Single());
        var baseString = "2001887" + request.Path + Timestamp.ToString(CultureInfo.InvariantCulture);
        if (accessToken is null)
        {
            Assert.False(query.ContainsKey("access_token"));
            Assert.False(query.ContainsKey("shop_id"));
        }
        else
        {
            Assert.Equal(accessToken, query["access_token"].Single());
            Assert.Equal("322300222", query["shop_id"].Single());
            baseString += accessToken + "322300222";
        }

        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(ShopeeTestChannel.PartnerKey));
        hmac.AppendData(Encoding.UTF8.GetBytes(baseString));
        var expected = string.Concat(hmac.GetHashAndReset().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
        Assert.Equal(expected, query["sign"].Single());
    }

    /// <summary>The business parameters of the query, without the common ones.</summary>
    public static IDictionary<string, string> BusinessQuery(IRequestMessage request) =>
        request.Query!.Where(p => p.Key is not ("partner_id" or "timestamp" or "sign" or "access_token" or "shop_id"))
            .ToDictionary(p => p.Key, p => string.Join(",", p.Value), StringComparer.Ordinal);

    public static void AssertJsonBody(string expected, IRequestMessage request)
    {
        Assert.StartsWith("application/json", request.Headers!["Content-Type"][0], StringComparison.Ordinal);
        var sent = JsonNode.Parse(request.Body!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), sent), $"Sent body was {sent?.ToJsonString()}");
    }

    public void Dispose() => Server.Stop();
}
