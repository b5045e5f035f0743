using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Ocop.MarketSync.Marketplaces.Sendo.Tests;

/// <summary>A WireMock server standing in for Sendo's Open API, one per test class.</summary>
public sealed class WireMockSendo : IDisposable
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

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with any JSON.</summary>
    public void Answer(string method, string path, int status, string json, int priority = 100)
    {
        Server.Given(Request.Create().WithPath(path).UsingMethod(method)).AtPriority(priority)
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json));
    }

    /// <summary>Answers <c>{"result":…,"success":true,"error":null,"status_code":200}</c>.</summary>
    public void Ok(string method, string path, string resultJson) =>
        Answer(method, path, 200, Envelope(resultJson));

    public static string Envelope(string resultJson) => $$"""{"result":{{resultJson}},"success":true,"error":null,"status_code":200}""";

    public static void AssertBearer(IRequestMessage request, string token) =>
        Assert.Equal("bearer " + token, Assert.Single(request.Headers!["Authorization"]));

    public static void AssertJsonBody(string expected, IRequestMessage request)
    {
        var sent = JsonNode.Parse(request.Body!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), sent), $"Sent body was {sent?.ToJsonString()}");
    }

    public void Dispose() => Server.Stop();
}
