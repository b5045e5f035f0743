using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace Ocop.MarketSync.IntegrationTests.Infrastructure;

/// <summary>
/// Keeps the shared service host's warnings and errors, so a failing test can say what the service saw: its
/// console output is not captured by the test runner, and CI shows only the test's own message.
/// </summary>
public sealed class RecentLogSink : ILogEventSink
{
    private const int Capacity = 200;
    private readonly ConcurrentQueue<string> _events = new();

    // The service's own Information lines (run summaries, "already running") tell why something did not happen
    // when no warning says so; kept apart so they never push the warnings out.
    private readonly ConcurrentQueue<string> _information = new();

    public void Emit(LogEvent logEvent)
    {
        var source = logEvent.Properties.TryGetValue("SourceContext", out var value) ? value.ToString().Trim('"') : "?";
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{logEvent.Timestamp:HH:mm:ss.fff} {logEvent.Level} {source}: {logEvent.RenderMessage(CultureInfo.InvariantCulture)}");
        if (logEvent.Level < LogEventLevel.Warning)
        {
            if (logEvent.Level == LogEventLevel.Information && source.StartsWith("Ocop.", StringComparison.Ordinal))
            {
                Keep(_information, line);
            }

            return;
        }

        if (logEvent.Exception is { } exception)
        {
            // The top frames are what tells one cause from another in a CI log.
            var frames = (exception.StackTrace ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(6).Select(f => "    " + f.Trim());
            line += Environment.NewLine + "  " + exception.GetType().Name + ": " + exception.Message
                + Environment.NewLine + string.Join(Environment.NewLine, frames);
        }

        Keep(_events, line);
    }

    private static void Keep(ConcurrentQueue<string> queue, string line)
    {
        queue.Enqueue(line);
        while (queue.Count > Capacity && queue.TryDequeue(out _))
        {
        }
    }

    /// <summary>The last <paramref name="count"/> warnings and errors, oldest first.</summary>
    public string Describe(int count = 20)
    {
        var lines = _events.ToArray();
        var warnings = lines.Length == 0
            ? "The service logged no warning or error."
            : "The service's last warnings and errors:" + Environment.NewLine + string.Join(Environment.NewLine, lines.TakeLast(count));
        var information = _information.ToArray();
        return information.Length == 0 ? warnings
            : warnings + Environment.NewLine + "Its last information lines:" + Environment.NewLine + string.Join(Environment.NewLine, information.TakeLast(count * 2));
    }
}
