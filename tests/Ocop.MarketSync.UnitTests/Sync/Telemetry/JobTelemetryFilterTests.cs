using System.Collections.Concurrent;
using System.Diagnostics;
using Hangfire;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.Server;
using Hangfire.States;
using Ocop.MarketSync.Sync.Telemetry;

namespace Ocop.MarketSync.UnitTests.Sync.Telemetry;

/// <summary>
/// The trace context filter through Hangfire's own client and performer on in-memory storage: the job created inside
/// a span runs inside a child of it; a failing job's span says so.
/// </summary>
public sealed class JobTelemetryFilterTests : IDisposable
{
    private static readonly ConcurrentDictionary<string, Activity?> CurrentInJob = new();
    private readonly InMemoryStorage _storage = new();
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;
    private readonly ActivitySource _caller = new("JobTelemetryFilterTests.Caller");

    public JobTelemetryFilterTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is MarketSyncTelemetry.Name or "JobTelemetryFilterTests.Caller",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public void Perform_JobCreatedInsideASpan_RunsInAChildSpanOfIt()
    {
        var filter = new JobTelemetryFilter(_storage);
        string jobId;
        ActivityContext caller;
        using (var request = _caller.StartActivity("POST /api/registry/changes", ActivityKind.Server)!)
        {
            caller = request.Context;
            jobId = Client(filter).Create(Job.FromExpression(() => SampleJob.Record("child")), new EnqueuedState());
        }

        using var connection = _storage.GetConnection();
        // Stored as the W3C traceparent of the span that created the job (JSON-serialised, as Hangfire stores parameters).
        Assert.Equal($"\"00-{caller.TraceId.ToHexString()}-{caller.SpanId.ToHexString()}-01\"",
            connection.GetJobParameter(jobId, JobTelemetryFilter.TraceParentParameter));

        Perform(filter, jobId);

        var inJob = CurrentInJob["child"];
        Assert.NotNull(inJob);
        Assert.Equal(caller.TraceId, inJob.TraceId);
        Assert.Equal(caller.SpanId, inJob.ParentSpanId);
        Assert.Equal("job SampleJob.Record", inJob.DisplayName);
        Assert.Null(Activity.Current);
        Assert.Contains(_stopped, a => a.SpanId == inJob.SpanId && a.Status == ActivityStatusCode.Unset);
    }

    [Fact]
    public void Perform_JobCreatedOutsideAnySpan_StartsATraceOfItsOwn()
    {
        var filter = new JobTelemetryFilter(_storage);
        Assert.Null(Activity.Current);
        var jobId = Client(filter).Create(Job.FromExpression(() => SampleJob.Record("root")), new EnqueuedState());

        using var connection = _storage.GetConnection();
        Assert.Null(connection.GetJobParameter(jobId, JobTelemetryFilter.TraceParentParameter));
        Perform(filter, jobId);

        var inJob = CurrentInJob["root"];
        Assert.NotNull(inJob);
        Assert.Equal(default, inJob.ParentSpanId);
    }

    [Fact]
    public void Perform_FailingJob_MarksItsSpanAsError()
    {
        var filter = new JobTelemetryFilter(_storage);
        var jobId = Client(filter).Create(Job.FromExpression(() => SampleJob.Fail("boom")), new EnqueuedState());

        Assert.ThrowsAny<Exception>(() => Perform(filter, jobId));

        var span = Assert.Single(_stopped, a => a.DisplayName == "job SampleJob.Fail" && a.GetTagItem("marketsync.job_id") as string == jobId);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("boom", span.StatusDescription);
    }

    [Fact]
    public void Filter_OfAnotherStorage_LeavesTheJobAlone()
    {
        using var other = new InMemoryStorage();
        var filter = new JobTelemetryFilter(other);
        string jobId;
        using (_caller.StartActivity("elsewhere"))
        {
            jobId = Client(filter).Create(Job.FromExpression(() => SampleJob.Record("other")), new EnqueuedState());
        }

        using var connection = _storage.GetConnection();
        Assert.Null(connection.GetJobParameter(jobId, JobTelemetryFilter.TraceParentParameter));
        Perform(filter, jobId);
        Assert.Null(CurrentInJob["other"]);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _caller.Dispose();
        _storage.Dispose();
    }

    private BackgroundJobClient Client(JobTelemetryFilter filter) =>
        new(_storage, new BackgroundJobFactory(new FilterProvider(filter)), new BackgroundJobStateChanger());

    private void Perform(JobTelemetryFilter filter, string jobId)
    {
        using var connection = _storage.GetConnection();
        var data = connection.GetJobData(jobId);
        var job = new BackgroundJob(jobId, data.Job, data.CreatedAt, data.ParametersSnapshot);
        var context = new PerformContext(_storage, connection, job, new JobCancellationToken(false));
        new BackgroundJobPerformer(new FilterProvider(filter), new JobActivator()).Perform(context);
    }

    private sealed class FilterProvider(object filter) : IJobFilterProvider
    {
        public IEnumerable<JobFilter> GetFilters(Job job) => [new JobFilter(filter, JobFilterScope.Global, null)];
    }

    public static class SampleJob
    {
        public static void Record(string key)
        {
            CurrentInJob[key] = Activity.Current;
        }

        public static void Fail(string message) => throw new InvalidOperationException(message);
    }
}
