using Ocop.MarketSync.Worker.Cli;
using Serilog;

// Table of contents only: each command builds the host through MarketSyncHost (Hosting/).
// The bootstrap logger only reports a command that could not start; to stderr, so stdout stays a pure JSON stream with Logs:Format=Json.
Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture,
    standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose).CreateBootstrapLogger();
try
{
    return await MarketSyncCommandLine.Create(args).Parse(args).InvokeAsync();
}
finally
{
    await Log.CloseAndFlushAsync();
}
