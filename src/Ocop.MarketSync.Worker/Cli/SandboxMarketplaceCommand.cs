using System.CommandLine;
using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.Marketplace;
using Serilog;

namespace Ocop.MarketSync.Worker.Cli;

/// <summary>
/// <c>sandbox-marketplace</c>: serves one sandbox marketplace (docs/sandbox-marketplace-api.md) on its own, so a
/// deployment (deploy/docker-compose.yml) can show a configured channel shared by every worker replica without a real
/// shop. In-process sandboxes would give each replica a marketplace of its own. Items live in memory.
/// </summary>
internal static class SandboxMarketplaceCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port to listen on.", DefaultValueFactory = _ => 8090 };
        var host = new Option<string>("--host") { Description = "Address to listen on (0.0.0.0 in a container).", DefaultValueFactory = _ => "127.0.0.1" };
        var command = new Command("sandbox-marketplace", "Serve a sandbox marketplace (demo and test shops only) until stopped.") { port, host };
        command.SetAction(async (parse, ct) =>
        {
            await using var server = await SandboxServer.StartAsync(parse.GetValue(port), app =>
            {
                app.MapMarketplaceSandbox(new MarketplaceSandbox(new MarketplaceSandboxOptions()));
                // For a container HEALTHCHECK (the `healthcheck --url` sub-command).
                app.MapGet("/health/live", () => "Healthy");
            }, ct, parse.GetValue(host)!);
            Log.Information("Sandbox marketplace listening on {BaseUrl}", server.BaseUrl);
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                // SIGTERM or Ctrl+C: stop serving.
            }

            return 0;
        });
        return command;
    }
}
