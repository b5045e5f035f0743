using HangfireLog = Hangfire.Logging;

namespace Ocop.MarketSync.Worker.Hosting;

/// <summary>
/// Hangfire's log provider is process-wide (a static), and Hangfire.AspNetCore points it at the ILoggerFactory of
/// whichever host configured Hangfire last. When that host is disposed while another lives on (a command run next
/// to the service, test hosts), every Hangfire call of the survivor that creates a logger — enqueueing a job, for
/// one — threw ObjectDisposedException. This bridge answers with a silent logger once its factory is gone.
/// </summary>
internal sealed class HangfireLogBridge(ILoggerFactory loggerFactory) : HangfireLog.ILogProvider
{
    public HangfireLog.ILog GetLogger(string name)
    {
        try
        {
            return new Bridged(loggerFactory.CreateLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private static LogLevel Map(HangfireLog.LogLevel level) => level switch
    {
        HangfireLog.LogLevel.Trace => LogLevel.Trace,
        HangfireLog.LogLevel.Debug => LogLevel.Debug,
        HangfireLog.LogLevel.Info => LogLevel.Information,
        HangfireLog.LogLevel.Warn => LogLevel.Warning,
        HangfireLog.LogLevel.Error => LogLevel.Error,
        HangfireLog.LogLevel.Fatal => LogLevel.Critical,
        _ => LogLevel.None,
    };

    private sealed class Bridged(ILogger logger) : HangfireLog.ILog
    {
        public bool Log(HangfireLog.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            var level = Map(logLevel);
            try
            {
                if (messageFunc is null)
                {
                    // Hangfire asks "is this level on?" with no message.
                    return logger.IsEnabled(level);
                }

                if (!logger.IsEnabled(level))
                {
                    return false;
                }

                // Hangfire hands over a finished message: logged as is, never parsed as a template.
                logger.Log(level, default, messageFunc(), exception, static (message, _) => message);
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    private sealed class Silent : HangfireLog.ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(HangfireLog.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
