using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Ocop.MarketSync.IntegrationTests.Infrastructure;

namespace Ocop.MarketSync.IntegrationTests.Hardening;

/// <summary>
/// Password guessing against the real service, as a process of its own (its lockout state is its own): free
/// attempts, then a wait, then a lock that refuses even the right password, on the form and on Basic alike, each
/// failure logged with the client's address.
/// </summary>
public sealed partial class LoginLockoutTests
{
    private const string Password = "the-right-password-123";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Guessing_IsSlowedAfterTheFreeAttemptsThenLockedEvenForTheRightPassword()
    {
        var port = WorkerProcess.FreePort();
        await using var worker = WorkerProcess.Start(
        [
            "--environment=IntegrationTest", $"--urls=http://127.0.0.1:{port}",
            "--Staff:Username=staff", $"--Staff:Password={Password}", "--Staff:GeneratePassword=false",
            "--Staff:Lockout:FreeAttempts=2", "--Staff:Lockout:LockAfter=4", "--Staff:Lockout:AddressLockAfter=50",
            "--Staff:Lockout:MaxDelay=00:00:01", "--Staff:Lockout:LockFor=00:02:00",
        ]);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
        };
        await WaitForLiveAsync(http, worker);

        var free = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            free.Add(await LogInAsync(http, "wrong-" + i));
        }

        var rightButTooSoon = await LogInAsync(http, Password);
        await Task.Delay(1_200, Ct);
        var fourthWrong = await LogInAsync(http, "wrong-3");
        await Task.Delay(1_200, Ct);
        using var locked = await PostLoginAsync(http, Password);
        using var basic = new HttpRequestMessage(HttpMethod.Get, "api/security/lockouts");
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("staff:" + Password)));
        using var basicWhileLocked = await http.SendAsync(basic, Ct);

        Assert.All(free, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, rightButTooSoon);
        Assert.Equal(HttpStatusCode.Unauthorized, fourthWrong);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.InRange(int.Parse(locked.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 60, 120);
        Assert.Contains("tạm khoá", WebUtility.HtmlDecode(await locked.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, basicWhileLocked.StatusCode);
        // Whatever the log format quotes: one line per failure with the user, the address and the way in.
        var lines = worker.AllOutput.Split('\n');
        Assert.Equal(4, lines.Count(l => l.Contains("Failed staff login for", StringComparison.Ordinal)
            && l.Contains("staff", StringComparison.Ordinal) && l.Contains("127.0.0.1", StringComparison.Ordinal) && l.Contains("form", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains("Staff login locked", StringComparison.Ordinal) && l.Contains("user:STAFF", StringComparison.Ordinal));
    }

    private static async Task<HttpStatusCode> LogInAsync(HttpClient http, string password)
    {
        using var response = await PostLoginAsync(http, password);
        return response.StatusCode;
    }

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient http, string password)
    {
        var form = await http.GetStringAsync("login", Ct);
        var token = TokenField().Match(form);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups["name"].Value] = WebUtility.HtmlDecode(token.Groups["value"].Value),
            ["username"] = "staff",
            ["password"] = password,
        });
        return await http.PostAsync("login", content, Ct);
    }

    private static async Task WaitForLiveAsync(HttpClient http, WorkerProcess worker)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !worker.HasExited)
        {
            try
            {
                using var response = await http.GetAsync("health/live", Ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200, Ct);
        }

        Assert.Fail($"The service did not come up.{Environment.NewLine}{worker.AllOutput}");
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>__RequestVerificationToken[^"]*)" value="(?<value>[^"]*)">""")]
    private static partial Regex TokenField();
}
