using System.Net;
using System.Text.RegularExpressions;

namespace Ocop.MarketSync.IntegrationTests.Sheets;

/// <summary>A browser without a browser: cookies kept, no redirects followed, logged in through the form with its anti-forgery token.</summary>
internal sealed partial class StaffBrowser : IDisposable
{
    private readonly HttpClient _client;

    private StaffBrowser(Uri baseAddress) =>
        _client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress };

    public static async Task<StaffBrowser> LogInAsync(Uri baseAddress, string username, string password)
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new StaffBrowser(baseAddress);
        var form = await browser._client.GetStringAsync("login", ct);
        var token = TokenField().Match(form);
        Assert.True(token.Success, "the login form carries an anti-forgery token");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [WebUtility.HtmlDecode(token.Groups["name"].Value)] = WebUtility.HtmlDecode(token.Groups["value"].Value),
            ["username"] = username,
            ["password"] = password,
            ["returnUrl"] = "/hangfire",
        });
        using var response = await browser._client.PostAsync("login", content, ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    public Task<HttpResponseMessage> PostAsync(string url, string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent([]) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return _client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("""<input type="hidden" name="(?<name>__RequestVerificationToken[^"]*)" value="(?<value>[^"]*)">""")]
    private static partial Regex TokenField();
}
