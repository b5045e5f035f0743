using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Ocop.MarketSync.IntegrationTests.Deploy;

/// <summary>
/// The compose file's <c>marketplace-sandbox</c> service, as its own process with the compose file's arguments: it
/// serves the sandbox marketplace API, and the container's health check command (the service's <c>healthcheck</c>
/// sub-command on its <c>/health/live</c>) passes.
/// </summary>
public sealed class SandboxMarketplaceCommandTests
{
    [Fact]
    public async Task SandboxMarketplace_AsComposeRunsIt_ServesTheApiAndPassesItsHealthCheck()
    {
        var port = FreePort();
        using var server = Worker("sandbox-marketplace", "--host", "0.0.0.0", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            var deadline = DateTime.UtcNow.AddSeconds(30);
            HttpResponseMessage? items = null;
            while (items is null && DateTime.UtcNow < deadline && !server.HasExited)
            {
                try
                {
                    items = await http.GetAsync("api/v1/items", TestContext.Current.CancellationToken);
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200, TestContext.Current.CancellationToken);
                }
            }

            Assert.NotNull(items);
            Assert.Equal(HttpStatusCode.OK, items.StatusCode);
            using var healthcheck = Worker("healthcheck", "--url", $"http://127.0.0.1:{port}/health/live");
            await healthcheck.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, healthcheck.ExitCode);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static Process Worker(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Ocop.MarketSync.Worker.dll"));
        args.ToList().ForEach(start.ArgumentList.Add);
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
