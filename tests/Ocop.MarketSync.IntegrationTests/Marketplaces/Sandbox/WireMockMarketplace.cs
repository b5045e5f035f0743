using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.Sandbox;

/// <summary>
/// A WireMock server standing in for the sandbox marketplace, one per test class; each test starts from
/// <see cref="Reset"/> (no mappings, empty request log).
/// </summary>
public sealed class WireMockMarketplace : IDisposable
{
    private DateTime _resetAt = DateTime.MinValue;

    public WireMockServer Server { get; } = WireMockServer.Start();

    /// <summary>By address, not "localhost": no time lost trying ::1 first.</summary>
    public Uri BaseUrl => new($"http://127.0.0.1:{Server.Port}/");

    /// <summary>
    /// What the client sent since <see cref="Reset"/>, in order. WireMock logs a request only once it has answered
    /// it, so a late answer to an earlier test's request is filtered out by its arrival time.
    /// </summary>
    public IReadOnlyList<IRequestMessage> Requests =>
        [.. Server.LogEntries.Select(e => e.RequestMessage).Where(r => r.DateTime >= _resetAt).OrderBy(r => r.DateTime)];

    /// <summary>Waits (up to 10 s) until at least <paramref name="count"/> requests are logged, then returns them all.</summary>
    public async Task<IReadOnlyList<IRequestMessage>> WaitForRequestsAsync(int count, CancellationToken cancellationToken)
    {
        for (var waited = 0; Requests.Count < count && waited < 10_000; waited += 50)
        {
            await Task.Delay(50, cancellationToken);
        }

        return Requests;
    }

    public void Reset()
    {
        Server.Reset();
        _resetAt = DateTime.UtcNow;
    }

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with a JSON body.</summary>
    public void Answer(string method, string path, int status, string json, params (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json);
        foreach (var (name, value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        Server.Given(Request.Create().WithPath(path).UsingMethod(method)).RespondWith(response);
    }

    /// <summary>The request's JSON body equals <paramref name="expected"/> (property order and escaping aside).</summary>
    public static void AssertJsonBody(string expected, IRequestMessage request)
    {
        var sent = JsonNode.Parse(request.Body!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), sent), $"Sent body was {sent?.ToJsonString()}");
    }

    public void Dispose() => Server.Stop();
}
