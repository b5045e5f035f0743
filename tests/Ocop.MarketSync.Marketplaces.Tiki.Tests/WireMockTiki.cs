using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Ocop.MarketSync.Marketplaces.Tiki.Tests;

/// <summary>A WireMock server standing in for Tiki (API and OAuth2 host), one per test class.</summary>
public sealed class WireMockTiki : IDisposable
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
    }

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with JSON (low priority: specific mappings win).</summary>
    public void Answer(string method, string path, int status, string json, IDictionary<string, string>? headers = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response = response.WithHeader(name, value);
        }

        Server.Given(Request.Create().WithPath(path).UsingMethod(method)).AtPriority(100).RespondWith(response);
    }

    /// <summary>A Tiki product as <c>GET /integration/v2.1/products/{id}</c> answers it.</summary>
    public static string Product(long id, string sku, long price = 185_000, int quantity = 12, int active = 0, string updatedAt = "2026-12-01 09:30:00") =>
        $$"""
        {"product_id":{{id}},"sku":"TK{{id}}","original_sku":"{{sku}}","name":"Mật ong hoa cà phê","price":{{price}},"market_price":{{price}},
         "active":{{active}},"created_at":"2026-11-30 08:00:00","updated_at":"{{updatedAt}}",
         "inventory":{"quantity":{{quantity}},"quantity_available":{{quantity}},"quantity_reserved":0,"quantity_sellable":{{quantity}}} }
        """;

    public static void AssertBearer(IRequestMessage request, string token) =>
        Assert.Equal("Bearer " + token, Assert.Single(request.Headers!["Authorization"]));

    public static void AssertJsonBody(string expected, IRequestMessage request)
    {
        var sent = JsonNode.Parse(request.Body!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), sent), $"Sent body was {sent?.ToJsonString()}");
    }

    public static string? Query(IRequestMessage request, string name) =>
        request.Query is { } query && query.TryGetValue(name, out var values) ? string.Join(",", values) : null;

    public void Dispose() => Server.Stop();
}
