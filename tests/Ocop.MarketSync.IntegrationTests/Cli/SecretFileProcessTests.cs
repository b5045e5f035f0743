using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Ocop.MarketSync.IntegrationTests.Cli;

/// <summary>
/// The service as its own process, given its secrets the way a container gets them: environment variables
/// <c>…_FILE</c> naming files. Everything it writes (stdout and stderr, debug level) is searched for the secrets.
/// </summary>
public sealed class SecretFileProcessTests : IDisposable
{
    private const string StaffSecret = "staff-secret-7f3a9c";
    private const string DbSecret = "db-secret-41b2e8";
    private readonly string _directory = Directory.CreateTempSubdirectory("ocop-secret-proc-").FullName;
    private readonly StringBuilder _output = new();

    [Fact]
    public async Task Serve_WithTheStaffPasswordInAFile_AcceptsItAndNeverWritesIt()
    {
        var port = FreePort();
        var process = Start(
            ["--environment=IntegrationTest", $"--urls=http://127.0.0.1:{port}", "--Serilog:MinimumLevel:Default=Debug",
                $"--Storage:ConnectionString=Data Source={Path.Combine(_directory, "marketsync.db")}"],
            new() { ["Staff__Password_FILE"] = Secret("staff_password", StaffSecret + "\n"), ["Staff__GeneratePassword"] = "false" });
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await WaitForLiveAsync(http, process);

            Assert.Equal(HttpStatusCode.OK, await DashboardAsync(http, StaffSecret));
            Assert.Equal(HttpStatusCode.Unauthorized, await DashboardAsync(http, StaffSecret + "\n"));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        Assert.DoesNotContain(StaffSecret, Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_WithTheDatabasePasswordInAFile_FailsOnAnUnreachableServerWithoutWritingIt()
    {
        var process = Start(
            ["migrate", "--environment=IntegrationTest", "--Serilog:MinimumLevel:Default=Debug"],
            new()
            {
                ["Storage__Provider"] = "Postgres", ["Storage__MigrateOnStart"] = "false", ["Hangfire__Storage"] = "Postgres",
                ["Storage__ConnectionString"] = "Host=127.0.0.1;Port=1;Database=marketsync;Username=marketsync;Timeout=2",
                ["Storage__Password_FILE"] = Secret("db_password", DbSecret), ["Staff__Password"] = "a-long-enough-password",
            });
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("Migration failed:", Output, StringComparison.Ordinal);
        Assert.DoesNotContain(DbSecret, Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WithASecretFileMissing_ExitsWithOneNamingTheKey()
    {
        var process = Start(
            ["--environment=IntegrationTest", $"--urls=http://127.0.0.1:{FreePort()}", $"--Storage:ConnectionString=Data Source={Path.Combine(_directory, "m.db")}"],
            new() { ["Staff__Password_FILE"] = "/run/secrets/not-mounted", ["Staff__GeneratePassword"] = "false" });
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("Staff:Password_FILE: the file '/run/secrets/not-mounted' that holds Staff:Password cannot be read", Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private Process Start(string[] args, Dictionary<string, string> environment)
    {
        // The temporary folder as working directory: no config/ overlay of the repository is picked up.
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Ocop.MarketSync.Worker.dll"));
        args.ToList().ForEach(start.ArgumentList.Add);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Keep(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private string Secret(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private async Task WaitForLiveAsync(HttpClient http, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync("health/live", TestContext.Current.CancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"The service did not answer /health/live.{Environment.NewLine}{Output}");
    }

    private static async Task<HttpStatusCode> DashboardAsync(HttpClient http, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "hangfire");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"staff:{password}")));
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
