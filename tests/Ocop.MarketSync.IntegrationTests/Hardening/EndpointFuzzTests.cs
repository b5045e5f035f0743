using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.IntegrationTests.Infrastructure;

namespace Ocop.MarketSync.IntegrationTests.Hardening;

/// <summary>
/// Random route values, query strings, bodies and credentials thrown at every endpoint the service maps (the
/// Hangfire dashboard's own routes aside): none may answer 5xx. Bounded in count and time; the seed is in the
/// failure message, so a failing run can be replayed exactly.
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class EndpointFuzzTests(ServiceHost host)
{
    private const int Requests = 800;
    private static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(90);

    private static readonly string[] Values =
    [
        "", "0", "1", "-1", "2147483647", "-2147483648", "9223372036854775807", "99999999999999999999999", "1e309", "NaN",
        "true", "sandbox-a", "REG-00001", "REG-00008", "eligible", "Active", "province", "csv", "Hà Nội", "Ha%CC%80 No%CC%A3i",
        "%00", "a%00b", "%0D%0A", "%7F", "%C2%85", "%FF%FE", "%C3%28", "%ED%A0%80", "..%2F..%2Fetc%2Fpasswd", "%2F%2Fevil.example",
        "<script>alert(1)</script>", "' OR 1=1 --", "${jndi:ldap://x}", "%25", "+", "%20", new string('x', 3000), "ẩ", "😀",
    ];

    private static readonly string[] Keys =
    [
        "page", "pageSize", "outcome", "province", "state", "kind", "by", "format", "registryId", "pending", "returnUrl",
        "channel", "q", "search", "id", "x", "%00", "page%00",
    ];

    private static readonly string[] Bodies =
    [
        "", "{", "}", "null", "[]", "{}", "\"text\"", "{\"registryIds\":[1,2,3]}", "{\"a\":" + new string('[', 2000) + "}",
        "12345678901234567890123456789", "username=staff&password=x", "\u0000\u0001\u0002", "<xml/>",
    ];

    [Fact]
    public async Task RandomRequests_ToEveryEndpoint_NeverAnswer5xx()
    {
        await host.WaitForProductsAsync(60, TimeSpan.FromSeconds(60));
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var endpoints = Endpoints();
        Assert.True(endpoints.Count >= 20, $"only {endpoints.Count} endpoints found");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var failures = new List<string>();
        var started = DateTime.UtcNow;
        var sent = 0;
        for (; sent < Requests && DateTime.UtcNow - started < TimeBudget; sent++)
        {
            var (method, template) = endpoints[random.Next(endpoints.Count)];
            using var request = new HttpRequestMessage(new HttpMethod(method), Url(template, random, write: method != HttpMethods.Get));
            Authorize(request, random);
            if (method != HttpMethods.Get)
            {
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Bodies[random.Next(Bodies.Length)]));
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(random.Next(3) switch
                {
                    0 => "application/json",
                    1 => "application/x-www-form-urlencoded",
                    _ => "text/plain",
                });
            }

            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{method} {request.RequestUri} → {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0,
            $"seed {seed}: {failures.Count} of {sent} requests answered 5xx:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(15))}"
            + $"{Environment.NewLine}{host.Log.Describe()}");
        Assert.True(sent >= 200, $"only {sent} requests within {TimeBudget}");
    }

    private List<(string Method, string Template)> Endpoints() =>
    [
        .. host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/hangfire", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get])
                .Select(m => (m, e.RoutePattern.RawText!)))
            .Distinct(),
    ];

    /// <param name="write">
    /// A POST gets no route value that names something real (a channel, a listing): a push or retry it started would
    /// still be running in the tests that share this service after this one.
    /// </param>
    private static string Url(string template, Random random, bool write)
    {
        var path = new StringBuilder();
        foreach (var segment in template.TrimStart('/').Split('/'))
        {
            path.Append('/').Append(segment.StartsWith('{') ? (write ? Unreal(random) : Value(random)) : segment);
        }

        var query = new StringBuilder();
        for (var i = random.Next(5); i > 0; i--)
        {
            query.Append(query.Length == 0 ? '?' : '&').Append(Keys[random.Next(Keys.Length)]).Append('=').Append(Value(random));
        }

        return path.ToString().TrimStart('/') + query;
    }

    private static string Unreal(Random random)
    {
        while (true)
        {
            var value = Value(random);
            if (!Real.Contains(value) && !(long.TryParse(value, out var number) && number is > 0 and < 1_000_000))
            {
                return value;
            }
        }
    }

    private static readonly HashSet<string> Real = new(StringComparer.OrdinalIgnoreCase) { "sandbox-a", "sandbox-b", "sandbox-c", "REG-00001", "REG-00008" };

    private static string Value(Random random) =>
        random.Next(4) == 0 ? random.NextInt64(long.MinValue, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture) : Values[random.Next(Values.Length)];

    private static void Authorize(HttpRequestMessage request, Random random)
    {
        var header = random.Next(4) switch
        {
            0 => null,
            1 => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ServiceHost.Username}:{ServiceHost.Password}")),
            2 => "Basic !!!not-base64",
            _ => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("staff:" + Values[random.Next(Values.Length)])),
        };
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", header);
        }
    }
}
