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

    public void Emit(LogEvent logEvent)
    {
        if (logEvent.Level < LogEventLevel.Warning)
        {
            return;
        }

        var source = logEvent.Properties.TryGetValue("SourceContext", out var value) ? value.ToString().Trim('"') : "?";
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{logEvent.Timestamp:HH:mm:ss.fff} {logEvent.Level} {source}: {logEvent.RenderMessage(CultureInfo.InvariantCulture)}");
        if (logEvent.Exception is { } exception)
        {
            // The top frames are what tells one cause from another in a CI log.
            var frames = (exception.StackTrace ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(6).Select(f => "    " + f.Trim());
            line += Environment.NewLine + "  " + exception.GetType().Name + ": " + exception.Message
                + Environment.NewLine + string.Join(Environment.NewLine, frames);
        }

        _events.Enqueue(line);
        while (_events.Count > Capacity && _events.TryDequeue(out _))
        {
        }
    }

    /// <summary>The last <paramref name="count"/> warnings and errors, oldest first.</summary>
    public string Describe(int count = 20)
    {
        var lines = _events.ToArray();
        return lines.Length == 0
            ? "The service logged no warning or error."
            : "The service's last warnings and errors:" + Environment.NewLine + string.Join(Environment.NewLine, lines.TakeLast(count));
    }
}
