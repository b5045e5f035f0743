using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ocop.MarketSync.IntegrationTests.Infrastructure;

namespace Ocop.MarketSync.IntegrationTests.Host;

/// <summary>The real host on PostgreSQL: health, status API, OpenAPI, and a dashboard closed to anonymous users.</summary>
[Collection(ServiceHostCollection.Name)]
public sealed class ServiceHostTests(ServiceHost host)
{
    [Fact]
    public void Start_DatabaseNotMigrated_IsRefusedWithTheReason()
    {
        Assert.NotNull(host.UnmigratedStartError);
        Assert.Contains("Run the 'migrate' command", host.UnmigratedStartError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_LiveAndReady_AnswerHealthy()
    {
        using var client = host.Anonymous();

        using var live = await client.GetAsync("health/live", TestContext.Current.CancellationToken);
        using var ready = await client.GetAsync("health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"database\"", await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductsApi_AfterStartupIntake_ShowsAllSixtyWithOutcomes()
    {
        await host.WaitForProductsAsync(60, TimeSpan.FromSeconds(60));
        using var client = host.Anonymous();
        var ct = TestContext.Current.CancellationToken;

        var quarantined = await client.GetFromJsonAsync<JsonElement>("api/products?outcome=quarantined", ct);
        var detail = await client.GetFromJsonAsync<JsonElement>("api/products/REG-00021", ct);
        var legacy = await client.GetFromJsonAsync<JsonElement>("api/products?province=H%E1%BA%A3i%20D%C6%B0%C6%A1ng", ct);

        Assert.Contains(quarantined.GetProperty("items").EnumerateArray(), p => p.GetProperty("registryId").GetString() == "REG-00021");
        Assert.Equal("quarantined", detail.GetProperty("outcome").GetString());
        var issue = Assert.Single(detail.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "price.missing");
        // The message in the request's language (Vietnamese by default), the code unchanged, the English detail beside.
        Assert.Equal(("Thiếu giá bán", "price missing"), (issue.GetProperty("message").GetString(), issue.GetProperty("detail").GetString()));
        using (var english = new HttpRequestMessage(HttpMethod.Get, "api/products/REG-00021"))
        {
            english.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
            using var response = await client.SendAsync(english, ct);
            var inEnglish = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("issues").EnumerateArray()
                .Single(i => i.GetProperty("code").GetString() == "price.missing");
            Assert.Equal("The price is missing", inEnglish.GetProperty("message").GetString());
            Assert.Equal("en", response.Content.Headers.ContentLanguage.Single());
        }

        Assert.True(detail.TryGetProperty("lastSeenAt", out _));
        // A former province name finds products of the province it merged into.
        Assert.Contains(legacy.GetProperty("items").EnumerateArray(), p => p.GetProperty("registryId").GetString() == "REG-00010");
    }

    [Fact]
    public async Task ProductsApi_UnknownProductOrBadFilter_AnswersProblemDetails()
    {
        using var client = host.Anonymous();
        var ct = TestContext.Current.CancellationToken;

        using var missing = await client.GetAsync("api/products/REG-99999", ct);
        using var badFilter = await client.GetAsync("api/products?outcome=sold", ct);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        Assert.Contains("outcome", await badFilter.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheStatusApi()
    {
        using var client = host.Anonymous();

        var document = await client.GetFromJsonAsync<JsonElement>("openapi/v1.json", TestContext.Current.CancellationToken);

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/products", out _));
        Assert.True(paths.TryGetProperty("/api/products/{registryId}", out _));
    }

    [Fact]
    public async Task OpenApi_Document_DescribesAcceptLanguage_TheReasonsMessageAndDetail_AndProblemDetail()
    {
        using var client = host.Anonymous();
        var document = await client.GetFromJsonAsync<JsonElement>("openapi/v1.json", TestContext.Current.CancellationToken);
        var schemas = document.GetProperty("components").GetProperty("schemas");

        // A reason: code unchanged, message in the request's language, detail the recorded English sentence.
        var reasons = schemas.GetProperty("ListingDto").GetProperty("properties").GetProperty("reasons").GetProperty("items");
        var issue = (reasons.TryGetProperty("$ref", out var reference) ? schemas.GetProperty(reference.GetString()!.Split('/')[^1]) : reasons).GetProperty("properties");
        Assert.Contains("Accept-Language", issue.GetProperty("message").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("English", issue.GetProperty("detail").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(issue.TryGetProperty("code", out _));

        // Every status API operation takes Accept-Language (vi-VN by default) and answers errors as problems with detail.
        var product = document.GetProperty("paths").GetProperty("/api/products/{registryId}").GetProperty("get");
        var language = product.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Accept-Language");
        Assert.Equal("header", language.GetProperty("in").GetString());
        Assert.Equal("vi-VN", language.GetProperty("schema").GetProperty("default").GetString());
        var problem = product.GetProperty("responses").GetProperty("default").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
        Assert.Equal("#/components/schemas/ProblemDetails", problem.GetProperty("$ref").GetString());
        Assert.Contains("what to do", schemas.GetProperty("ProblemDetails").GetProperty("properties").GetProperty("detail").GetProperty("description").GetString(),
            StringComparison.Ordinal);
        Assert.Contains(document.GetProperty("paths").GetProperty("/api/channels").GetProperty("get").GetProperty("parameters").EnumerateArray(),
            p => p.GetProperty("name").GetString() == "Accept-Language");
    }

    [Fact]
    public async Task Dashboard_Anonymous_IsSentToLoginAndApiCallersGet401()
    {
        using var client = host.Anonymous();
        var ct = TestContext.Current.CancellationToken;

        using var dashboard = await client.GetAsync("hangfire", ct);
        using var stats = await client.GetAsync("hangfire/stats", ct);
        using var wrong = new HttpClient { BaseAddress = host.BaseAddress };
        wrong.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String("staff:wrong-password"u8.ToArray()));
        using var wrongPassword = await wrong.GetAsync("hangfire", ct);

        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.StartsWith("/login", dashboard.Headers.Location!.OriginalString.Replace(host.BaseAddress.ToString(), "/", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, stats.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
    }

    [Fact]
    public async Task Dashboard_StaffWithBasicAuth_SeesTheRecurringIntakeJobs()
    {
        using var client = host.Staff();

        var html = await client.GetStringAsync("hangfire/recurring", TestContext.Current.CancellationToken);

        Assert.Contains("registry-pull", html, StringComparison.Ordinal);
        Assert.Contains("registry-full", html, StringComparison.Ordinal);
        Assert.Contains("Registry pull (incremental)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Channels_EmbeddedDefault_SampleProductsBecomeActiveOnEverySandboxChannel()
    {
        await host.WaitForProductsAsync(60, TimeSpan.FromSeconds(60));
        using var client = host.Anonymous();
        var ct = TestContext.Current.CancellationToken;

        var channels = await WaitForAsync(async () =>
        {
            var list = await client.GetFromJsonAsync<JsonElement>("api/channels", ct);
            return list.EnumerateArray().All(c => c.GetProperty("listings").GetProperty("active").GetInt32() >= 53) ? list : (JsonElement?)null;
        });
        var expired = await client.GetFromJsonAsync<JsonElement>("api/products/REG-00008/listings", ct);

        Assert.Equal(["sandbox-a", "sandbox-b", "sandbox-c"], channels.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(57, channels.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "sandbox-c").GetProperty("listings").GetProperty("active").GetInt32());
        Assert.All(expired.EnumerateArray(), l =>
        {
            Assert.Equal("delisted", l.GetProperty("state").GetString());
            Assert.Contains(l.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "certificate.expired");
        });
    }

    [Fact]
    public async Task StaffActions_Anonymous_AreRefusedAndStaffMayPushAChannel()
    {
        using var anonymous = host.Anonymous();
        using var staff = host.Staff();
        var ct = TestContext.Current.CancellationToken;

        using var refused = await anonymous.PostAsync("api/channels/sandbox-a/push", null, ct);
        using var accepted = await staff.PostAsync("api/channels/sandbox-a/push", null, ct);
        using var unknown = await staff.PostAsync("api/channels/nope/push", null, ct);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private async Task<JsonElement> WaitForAsync(Func<Task<JsonElement?>> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(500, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("The condition was not met within 60 s." + Environment.NewLine + host.Log.Describe());
    }
}
