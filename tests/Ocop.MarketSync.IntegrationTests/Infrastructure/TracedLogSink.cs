using System.Collections.Concurrent;
using System.Diagnostics;
using Serilog.Core;
using Serilog.Events;

namespace Ocop.MarketSync.IntegrationTests.Infrastructure;

/// <summary>The trace id Serilog put on each recent log event (what the JSON format writes as <c>@tr</c>), by message template.</summary>
public sealed class TracedLogSink : ILogEventSink
{
    private const int Capacity = 5_000;
    private readonly ConcurrentQueue<(ActivityTraceId? TraceId, string Template)> _events = new();

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        _events.Enqueue((logEvent.TraceId, logEvent.MessageTemplate.Text));
        while (_events.Count > Capacity && _events.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<string> TemplatesOf(ActivityTraceId traceId) =>
        [.. _events.Where(e => e.TraceId == traceId).Select(e => e.Template)];
}
