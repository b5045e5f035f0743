using System.Diagnostics;
using Hangfire.Server;

namespace Ocop.MarketSync.Worker.Hosting;

/// <summary>
/// One log scope per job run (JobId, Job), so every line a job writes can be found from the dashboard.
/// Hangfire calls these synchronously around the job, so the scope flows into the job's async code.
/// </summary>
/// <remarks>
/// "Started" and "finished" are Debug: a push runs every minute per channel, and each job writes its own one-line
/// summary at Information when it did something. A failure stays an Error.
/// </remarks>
/// <remarks>
/// Hangfire's filter list is process-wide: every host adds its own instance, so each instance acts only on the jobs
/// of its own host's storage (otherwise a second host in the process logged every job twice, through a factory that
/// may already be disposed).
/// </remarks>
internal sealed class JobLogScopeFilter(ILoggerFactory loggerFactory, Hangfire.JobStorage storage) : IServerFilter
{
    private const string ScopeKey = "marketsync:log-scope";
    private const string ClockKey = "marketsync:clock";
    private readonly ILogger _logger = loggerFactory.CreateLogger("Ocop.MarketSync.Jobs");

    public void OnPerforming(PerformingContext context)
    {
        if (!ReferenceEquals(context.Storage, storage))
        {
            return;
        }

        var job = $"{context.BackgroundJob.Job.Type.Name}.{context.BackgroundJob.Job.Method.Name}";
        context.Items[ScopeKey] = _logger.BeginScope(new Dictionary<string, object>
        {
            ["JobId"] = context.BackgroundJob.Id,
            ["Job"] = job,
        });
        context.Items[ClockKey] = Stopwatch.StartNew();
        _logger.LogDebug("Job {Job} {JobId} started", job, context.BackgroundJob.Id);
    }

    public void OnPerformed(PerformedContext context)
    {
        if (!ReferenceEquals(context.Storage, storage))
        {
            return;
        }

        var elapsed = (context.Items.TryGetValue(ClockKey, out var clock) ? clock as Stopwatch : null)?.Elapsed ?? TimeSpan.Zero;
        if (context.Exception is { } error && !context.ExceptionHandled)
        {
            _logger.LogError("Job {JobId} failed after {Elapsed}: {Reason}", context.BackgroundJob.Id, elapsed, error.GetBaseException().Message);
        }
        else
        {
            _logger.LogDebug("Job {JobId} finished in {Elapsed}", context.BackgroundJob.Id, elapsed);
        }

        if (context.Items.TryGetValue(ScopeKey, out var scope))
        {
            (scope as IDisposable)?.Dispose();
        }
    }
}
