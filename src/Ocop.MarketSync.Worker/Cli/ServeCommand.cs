using Ocop.MarketSync.Worker.Hosting;
using Serilog;

namespace Ocop.MarketSync.Worker.Cli;

internal static class ServeCommand
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        try
        {
            await using var app = await MarketSyncHost.BuildAsync(args, HostMode.Serve, cancellationToken);
            MarketSyncHost.ValidateConfiguration(app.Services);
            await MarketSyncHost.PrepareStorageAsync(app.Services, cancellationToken);
            await app.RunAsync();
            return 0;
        }
        catch (Exception ex) when (ex is Microsoft.Extensions.Options.OptionsValidationException or InvalidOperationException or IOException)
        {
            // A bad configuration, an unready database or a port in use: one clear line, no stack trace.
            Log.Fatal("Ocop.MarketSync cannot start: {Reason}", ex.Message);
            return 1;
        }
    }
}
