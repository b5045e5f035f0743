using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Ocop.MarketSync.Marketplaces.Lazada.Tests;

/// <summary>A WireMock server standing in for the Lazada gateway at <c>/rest</c>, one per test class; each test resets it.</summary>
public sealed class LazadaWireMock : IDisposable
{
    private DateTime _resetAt = DateTime.MinValue;

    public WireMockServer Server { get; } = WireMockServer.Start();

    public Uri Gateway => new($"http://127.0.0.1:{Server.Port}/rest");

    public IReadOnlyList<IRequestMessage> Requests =>
        [.. Server.LogEntries.Select(e => e.RequestMessage).Where(r => r.DateTime >= _resetAt).OrderBy(r => r.DateTime)];

    public void Reset()
    {
        Server.Reset();
        _resetAt = DateTime.UtcNow;
    }

    /// <summary>Answers the API (without <c>/rest</c>) with a Lazada body and HTTP 200, as Lazada does for errors too.</summary>
    public void Answer(string apiPath, string json, int status = 200) =>
        Server.Given(Request.Create().WithPath("/rest" + apiPath)).RespondWith(
            Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json));

    /// <summary>Answers the first call of the API with <paramref name="first"/>, later ones with <paramref name="then"/>.</summary>
    public void AnswerInSequence(string apiPath, string first, string then)
    {
        var scenario = "seq" + apiPath;
        Server.Given(Request.Create().WithPath("/rest" + apiPath)).InScenario(scenario).WillSetStateTo("second")
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(first));
        Server.Given(Request.Create().WithPath("/rest" + apiPath)).InScenario(scenario).WhenStateIs("second")
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(then));
    }

    public static void AssertJson(string expected, string? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual!)), $"Sent JSON was {actual}");

    public void Dispose() => Server.Stop();
}
