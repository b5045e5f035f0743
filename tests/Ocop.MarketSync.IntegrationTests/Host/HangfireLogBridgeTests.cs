using Microsoft.Extensions.Logging;
using Ocop.MarketSync.Worker.Hosting;
using HangfireLog = Hangfire.Logging;

namespace Ocop.MarketSync.IntegrationTests.Host;

/// <summary>
/// Hangfire's log provider is process-wide; a host disposed next to a live one must not make the live one's
/// Hangfire calls throw (this is what failed CI: HTTP 500 on enqueue, ObjectDisposedException of LoggerFactory).
/// </summary>
public sealed class HangfireLogBridgeTests
{
    [Fact]
    public void GetLogger_AfterItsFactoryWasDisposed_AnswersASilentLoggerInsteadOfThrowing()
    {
        var factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Information).AddProvider(new CapturingProvider()));
        var bridge = new HangfireLogBridge(factory);
        var before = bridge.GetLogger("Hangfire.BackgroundJobClient");
        Assert.True(before.Log(HangfireLog.LogLevel.Info, null));

        factory.Dispose();

        Assert.Throws<ObjectDisposedException>(() => factory.CreateLogger("Hangfire.BackgroundJobClient"));
        var after = bridge.GetLogger("Hangfire.BackgroundJobClient");
        Assert.False(after.Log(HangfireLog.LogLevel.Error, () => "a message", new InvalidOperationException("boom")));
        Assert.False(before.Log(HangfireLog.LogLevel.Trace, () => "below the minimum level"));
    }

    [Fact]
    public void Log_PassesHangfiresFinishedMessageThrough_BracesAndAll()
    {
        var provider = new CapturingProvider();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(provider));
        var log = new HangfireLogBridge(factory).GetLogger("Hangfire.Server");

        Assert.True(log.Log(HangfireLog.LogLevel.Warn, () => "Job {0} failed: {not a template"));

        Assert.Equal(("Hangfire.Server", LogLevel.Warning, "Job {0} failed: {not a template"), Assert.Single(provider.Lines));
    }

    private sealed class CapturingProvider : ILoggerProvider
    {
        public List<(string Category, LogLevel Level, string Message)> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Capturing(categoryName, Lines);

        public void Dispose()
        {
        }

        private sealed class Capturing(string category, List<(string, LogLevel, string)> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Add((category, logLevel, formatter(state, exception)));
        }
    }
}
