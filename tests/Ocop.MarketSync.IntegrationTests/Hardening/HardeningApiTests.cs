using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sandbox.Registry;

namespace Ocop.MarketSync.IntegrationTests.Hardening;

/// <summary>
/// What an attacker or a careless script sends, against the real service on PostgreSQL: never a 500, never data
/// labelled wrongly, never a redirect off the site, never a change from a foreign page, never a replay accepted.
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed partial class HardeningApiTests(ServiceHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> ListEndpoints => ["api/products", "api/intake/runs", "api/certificates/warnings", "api/channels/sandbox-a/listings", "api/channels/sandbox-a/reconciliations"];

    [Theory]
    [MemberData(nameof(ListEndpoints))]
    public async Task Paging_ThatWouldOverflowTheOffset_Answers400NamingPage(string endpoint)
    {
        using var client = host.Anonymous();
        foreach (var query in new[] { "page=999999999", "page=2147483647", "page=1073741825&pageSize=2" })
        {
            using var response = await client.GetAsync($"{endpoint}?{query}", Ct);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal("Invalid query parameter 'page'", problem.GetProperty("title").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(ListEndpoints))]
    public async Task Paging_BeyondTheData_AnswersAnEmptyPageWithItsOwnNumber(string endpoint)
    {
        await host.WaitForProductsAsync(60, TimeSpan.FromSeconds(60));
        using var client = host.Anonymous();

        var page = await client.GetFromJsonAsync<JsonElement>($"{endpoint}?page=1000000&pageSize=1", Ct);

        Assert.Equal(1_000_000, page.GetProperty("page").GetInt32());
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("api/products?province=%00")]
    [InlineData("api/products?province=a%00b")]
    [InlineData("api/products?outcome=%07")]
    [InlineData("api/certificates/warnings?registryId=REG%0D%0A")]
    [InlineData("api/channels/sandbox-a/listings?state=%7F")]
    public async Task ControlCharacter_InTheQuery_Answers400NamingIt(string url)
    {
        using var client = host.Anonymous();

        using var response = await client.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("control character", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/products/REG-00001%00")]
    [InlineData("api/products/REG%0A00001")]
    public async Task ControlCharacter_InThePath_Answers400(string url)
    {
        using var client = host.Anonymous();

        using var response = await client.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/\t/evil.example", "/hangfire")]
    [InlineData("/\u007f", "/hangfire")]
    [InlineData("/\r\n/x", "/hangfire")]
    [InlineData("//evil.example", "/hangfire")]
    [InlineData("/\\evil.example", "/hangfire")]
    [InlineData("https://evil.example/", "/hangfire")]
    [InlineData("/hangfire/jobs/failed", "/hangfire/jobs/failed")]
    public async Task Login_WithAnyReturnUrl_RedirectsOnlyWithinTheSite(string returnUrl, string expected)
    {
        using var browser = new StaffBrowser(host.BaseAddress);

        using var response = await browser.LogInAsync(ServiceHost.Username, ServiceHost.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task StateChange_WithOnlyTheStaffCookieFromAForeignPage_IsRefusedAndSameSiteOrBasicIsNot()
    {
        await host.WaitForProductsAsync(60, TimeSpan.FromSeconds(60));
        using var browser = new StaffBrowser(host.BaseAddress);
        (await browser.LogInAsync(ServiceHost.Username, ServiceHost.Password, "/hangfire")).Dispose();

        using var forged = await browser.PostFormAsync("api/channels/sandbox-a/push", origin: "https://evil.example");
        using var noOrigin = await browser.PostFormAsync("api/listings/1/retry", origin: null);
        using var sameSite = await browser.PostFormAsync("api/channels/sandbox-a/push", origin: host.BaseAddress.GetLeftPart(UriPartial.Authority));
        using var tool = host.Staff();
        using var basic = await tool.PostAsync("api/channels/sandbox-a/push", null, Ct);

        Assert.Equal(
            (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Accepted, HttpStatusCode.Accepted),
            (forged.StatusCode, noOrigin.StatusCode, sameSite.StatusCode, basic.StatusCode));
    }

    [Fact]
    public async Task RegistryNotification_SentTwiceByteForByte_IsAcceptedOnceAndTheReplayChangesNothing()
    {
        var secret = host.Services.GetRequiredService<IConfiguration>()["Registry:ChangeNotifications:Secret"]!;
        var body = Encoding.UTF8.GetBytes("{\"registryIds\":[\"REG-00003\"]}");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = RegistryChangeNotifier.Sign(Encoding.UTF8.GetBytes(secret), timestamp, body);
        using var client = host.Anonymous();

        var first = await SendAsync();
        var replay = await SendAsync();

        Assert.NotEqual("duplicate", first);
        Assert.Equal("duplicate", replay);

        async Task<string?> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/registry/changes") { Content = new ByteArrayContent(body) };
            request.Headers.Add("X-Registry-Timestamp", timestamp);
            request.Headers.Add("X-Registry-Signature", signature);
            using var response = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("pull").GetString();
        }
    }

    /// <summary>A browser: cookies kept, no redirects followed, the login form filled in with its anti-forgery token.</summary>
    private sealed partial class StaffBrowser(Uri baseAddress) : IDisposable
    {
        private readonly HttpClient _client = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = baseAddress,
        };

        public async Task<HttpResponseMessage> LogInAsync(string username, string password, string returnUrl)
        {
            var form = await _client.GetStringAsync("login", Ct);
            var token = TokenField().Match(form);
            Assert.True(token.Success, "the login form carries an anti-forgery token");
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [WebUtility.HtmlDecode(token.Groups["name"].Value)] = WebUtility.HtmlDecode(token.Groups["value"].Value),
                ["username"] = username,
                ["password"] = password,
                ["returnUrl"] = returnUrl,
            });
            return await _client.PostAsync("login", content, Ct);
        }

        public Task<HttpResponseMessage> PostFormAsync(string url, string? origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent([]) };
            if (origin is not null)
            {
                request.Headers.Add("Origin", origin);
            }

            return _client.SendAsync(request, Ct);
        }

        public void Dispose() => _client.Dispose();

        [GeneratedRegex("""<input type="hidden" name="(?<name>__RequestVerificationToken[^"]*)" value="(?<value>[^"]*)">""")]
        private static partial Regex TokenField();
    }
}
