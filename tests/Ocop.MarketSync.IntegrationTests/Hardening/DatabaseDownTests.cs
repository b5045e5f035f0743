using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sandbox.Registry;
using Ocop.MarketSync.TestSupport;
using Ocop.MarketSync.Worker.Cli;

namespace Ocop.MarketSync.IntegrationTests.Hardening;

/// <summary>
/// PostgreSQL stops under the running service (a crash, a fail-over): the API says so with 503 and Retry-After,
/// a signed registry notification is answered 503 so the registry sends it again, and all is well once it is back.
/// </summary>
public sealed class DatabaseDownTests
{
    private const string Secret = "registry-change-secret-for-the-test";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Api_WhileThePostgresServerIsDown_Answers503WithRetryAfterAndRecoversAfter()
    {
        await using var server = await ThrowawayPostgres.StartAsync();
        if (!server.IsOwned)
        {
            Assert.Skip($"{ThrowawayPostgres.EnvironmentVariable} names a server this test must not stop.");
        }

        var connectionString = await server.CreateDatabaseAsync(Ct);
        string[] storage =
        [
            "--environment=IntegrationTest", "--Storage:Provider=Postgres", "--Storage:MigrateOnStart=false",
            $"--Storage:ConnectionString={connectionString};Timeout=3;Command Timeout=5", "--Hangfire:Storage=Postgres",
            "--Staff:Password=a-long-enough-password",
        ];
        string[] migrate = ["migrate", .. storage];
        Assert.Equal(0, await MarketSyncCommandLine.Create(migrate).Parse(migrate).InvokeAsync(cancellationToken: Ct));
        var port = WorkerProcess.FreePort();
        await using var worker = WorkerProcess.Start(
        [
            .. storage, $"--urls=http://127.0.0.1:{port}", "--Staff:GeneratePassword=false", "--Sandbox:Registry:Enabled=true",
            "--Intake:RunOnStart=false", $"--Registry:ChangeNotifications:Secret={Secret}",
        ]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        await WaitAsync(async () => (await http.GetAsync("api/products", Ct)).StatusCode == HttpStatusCode.OK, worker, "the service up");

        await server.StopAsync();
        using var products = await http.GetAsync("api/products", Ct);
        using var notification = await http.SendAsync(SignedNotification(), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, products.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), products.Headers.RetryAfter?.Delta);
        Assert.Equal("Database unavailable", (await products.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notification.StatusCode);

        await server.StartAgainAsync();
        await WaitAsync(async () => (await http.GetAsync("api/products", Ct)).StatusCode == HttpStatusCode.OK, worker, "the API back");
        using var again = await http.SendAsync(SignedNotification(), Ct);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
    }

    private static HttpRequestMessage SignedNotification()
    {
        var body = Encoding.UTF8.GetBytes("{\"registryIds\":[\"REG-00001\"]}");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "api/registry/changes") { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-Registry-Timestamp", timestamp);
        request.Headers.Add("X-Registry-Signature", RegistryChangeNotifier.Sign(Encoding.UTF8.GetBytes(Secret), timestamp, body));
        return request;
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, WorkerProcess worker, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !worker.HasExited)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250, Ct);
        }

        Assert.Fail($"Not reached: {what}.{Environment.NewLine}{worker.AllOutput}");
    }
}
