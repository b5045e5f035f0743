using Hangfire;
using Hangfire.InMemory;
using Hangfire.Logging;
using Microsoft.Extensions.DependencyInjection;

namespace Ocop.MarketSync.TestSupport;

/// <summary>
/// Hangfire for a test or benchmark host that lives next to other hosts in one process. Hangfire keeps process-wide
/// state: the job storage (JobStorage.Current) and the log provider, which Hangfire.AspNetCore points at the last
/// configuring host's ILoggerFactory. A harness disposed while the shared service host runs left that provider on a
/// disposed factory, and the service's next enqueue threw ObjectDisposedException (HTTP 500).
/// </summary>
public static class HangfireIsolation
{
    /// <summary>Hangfire services on a private in-memory storage; Hangfire's own logging is silenced, not redirected.</summary>
    public static IServiceCollection AddIsolatedHangfire(this IServiceCollection services)
    {
        var storage = new InMemoryStorage(new InMemoryStorageOptions());
        services.AddHangfire(config => config.UseLogProvider(SilentLogProvider.Instance));
        // After AddHangfire so it wins over the default registration, which hands out the static JobStorage.Current.
        services.AddSingleton<JobStorage>(storage);
        return services;
    }

    private sealed class SilentLogProvider : ILogProvider, ILog
    {
        public static readonly SilentLogProvider Instance = new();

        public ILog GetLogger(string name) => this;

        public bool Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
