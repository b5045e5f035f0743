using Serilog;
using Serilog.Formatting.Compact;

namespace Ocop.MarketSync.Worker.Hosting;

internal static class LoggingExtensions
{
    /// <summary>Whether stdout is a JSON log stream (<c>Logs:Format=Json</c>), on which nothing else may be written.</summary>
    public static bool IsJson(IConfiguration configuration) =>
        string.Equals(configuration.GetValue("Logs:Format", "Text"), "Json", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Serilog for the whole host: readable text by default, one JSON object per line with <c>Logs:Format=Json</c>
    /// (containers). Levels from the <c>Serilog</c> section. Log scopes (JobId, Job) become properties.
    /// </summary>
    public static IServiceCollection AddMarketSyncLogging(this IServiceCollection services, IConfiguration configuration)
    {
        var format = configuration.GetValue("Logs:Format", "Text");
        if (!string.Equals(format, "Text", StringComparison.OrdinalIgnoreCase) && !string.Equals(format, "Json", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Logs:Format '{format}' is not one of: Text, Json.");
        }

        var json = IsJson(configuration);
        // preserveStaticLogger: each host logs through its own logger. Replacing the static Log.Logger let a second host
        // in the process (a command next to the service, test hosts) take over, then close, the first one's logging.
        return services.AddSerilog(preserveStaticLogger: true, configureLogger: (sp, logger) =>
        {
            logger.ReadFrom.Configuration(configuration).ReadFrom.Services(sp).Enrich.FromLogContext();
            if (json)
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
            else
            {
                // The trace id only where there is one (a request, a job): a text line can be found in the traces too.
                logger.Enrich.With<TraceSuffixEnricher>().WriteTo.Console(
                    outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{TraceSuffix:l}{NewLine}{Exception}",
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
        });
    }
}

/// <summary>Adds <c> [trace …]</c> to events recorded inside a trace, nothing to the others.</summary>
internal sealed class TraceSuffixEnricher : Serilog.Core.ILogEventEnricher
{
    public void Enrich(Serilog.Events.LogEvent logEvent, Serilog.Core.ILogEventPropertyFactory propertyFactory)
    {
        if (logEvent.TraceId is { } traceId)
        {
            logEvent.AddPropertyIfAbsent(new Serilog.Events.LogEventProperty("TraceSuffix", new Serilog.Events.ScalarValue($" [trace {traceId}]")));
        }
    }
}
