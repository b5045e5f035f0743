using Ocop.MarketSync.Worker.Cli;
using Serilog;

// Table of contents only: each command builds the host through MarketSyncHost (Hosting/).
Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture).CreateBootstrapLogger();
try
{
    return await MarketSyncCommandLine.Create(args).Parse(args).InvokeAsync();
}
finally
{
    await Log.CloseAndFlushAsync();
}
