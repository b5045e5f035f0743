using System.Diagnostics;
using Hangfire;
using Hangfire.Client;
using Hangfire.Server;

namespace Ocop.MarketSync.Sync.Telemetry;

/// <summary>
/// Carries the trace into Hangfire jobs and measures them. As a client filter it stores the W3C trace context of
/// whatever enqueues a job (an HTTP request, a job that triggers the next one) as job parameters; as a server filter
/// it starts the job's span with that context as its parent, so one trace runs from a registry notification through
/// the intake job and the push jobs to each marketplace call. It also records job duration and failures.
/// </summary>
/// <remarks>
/// Hangfire calls the server filter synchronously around the job, on the job's own flow, so the span started in
/// <see cref="OnPerforming"/> is <see cref="Activity.Current"/> inside the job's async code. A retried job keeps its
/// parameters, so its retries join the same trace. Jobs created by the recurring scheduler have no parent: their
/// span starts a trace. Hangfire's filter list is process-wide: each host adds its own instance, which acts only on
/// jobs of its own storage.
/// </remarks>
public sealed class JobTelemetryFilter(JobStorage storage) : IClientFilter, IServerFilter
{
    public const string TraceParentParameter = "traceparent";
    public const string TraceStateParameter = "tracestate";
    private const string ActivityKey = "marketsync:activity";
    private const string ClockKey = "marketsync:job-clock";

    public void OnCreating(CreatingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!ReferenceEquals(context.Storage, storage) || Activity.Current is not { IdFormat: ActivityIdFormat.W3C } current)
        {
            return;
        }

        context.SetJobParameter(TraceParentParameter, current.Id);
        if (current.TraceStateString is { Length: > 0 } state)
        {
            context.SetJobParameter(TraceStateParameter, state);
        }
    }

    public void OnCreated(CreatedContext context)
    {
    }

    public void OnPerforming(PerformingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!ReferenceEquals(context.Storage, storage))
        {
            return;
        }

        var job = JobName(context.BackgroundJob.Job);
        context.Items[ClockKey] = Stopwatch.GetTimestamp();
        var parent = ParentOf(context);
        var activity = MarketSyncTelemetry.ActivitySource.StartActivity($"job {job}", ActivityKind.Consumer, parent);
        if (activity is null)
        {
            return;
        }

        activity.SetTag("marketsync.job", job);
        activity.SetTag("marketsync.job_id", context.BackgroundJob.Id);
        context.Items[ActivityKey] = activity;
    }

    public void OnPerformed(PerformedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!ReferenceEquals(context.Storage, storage))
        {
            return;
        }

        var failed = context.Exception is not null && !context.ExceptionHandled;
        var job = JobName(context.BackgroundJob.Job);
        if (context.Items.TryGetValue(ClockKey, out var started) && started is long timestamp)
        {
            MarketSyncTelemetry.JobDuration.Record(Stopwatch.GetElapsedTime(timestamp).TotalSeconds,
                new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("outcome", failed ? "failed" : "succeeded"));
        }

        if (failed)
        {
            MarketSyncTelemetry.JobFailures.Add(1, new KeyValuePair<string, object?>("job", job));
        }

        if (context.Items.TryGetValue(ActivityKey, out var value) && value is Activity activity)
        {
            if (failed)
            {
                activity.AddException(context.Exception!.GetBaseException());
                activity.SetStatus(ActivityStatusCode.Error, context.Exception!.GetBaseException().Message);
            }

            activity.Dispose();
        }
    }

    /// <summary>The job's stable name for tags: its class and method (not the display name, which carries arguments).</summary>
    public static string JobName(Hangfire.Common.Job? job) => job is null ? "unknown" : $"{job.Type.Name}.{job.Method.Name}";

    private static ActivityContext ParentOf(PerformingContext context)
    {
        var traceParent = context.GetJobParameter<string>(TraceParentParameter, allowStale: true);
        var traceState = context.GetJobParameter<string>(TraceStateParameter, allowStale: true);
        return traceParent is not null && ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var parent) ? parent : default;
    }
}
