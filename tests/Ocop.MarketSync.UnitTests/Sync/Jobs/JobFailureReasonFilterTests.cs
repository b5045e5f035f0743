using System.Globalization;
using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.Storage;
using Hangfire.Storage.Monitoring;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Jobs;

namespace Ocop.MarketSync.UnitTests.Sync.Jobs;

/// <summary>
/// A failed job's reason on Hangfire's job page: the human line first and when it runs again, through a real
/// Hangfire server (in-memory storage) with AutomaticRetry and the filter ordered after it.
/// </summary>
public sealed class JobFailureReasonFilterTests : IDisposable
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private readonly InMemoryStorage _storage = new(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Long });
    private readonly JobFilterProviderCollection _filters;
    private readonly BackgroundJobServer _server;

    public JobFailureReasonFilterTests()
    {
        var ours = new JobFilterCollection();
        ours.Add(new JobFailureReasonFilter(_storage, new IntakeClock(TimeProvider.System, Options.Create(new IntakeOptions()))));

        // The jobs' own attributes (AutomaticRetry) and our filter, not the process-wide global list other tests share.
        _filters = new JobFilterProviderCollection(new JobFilterAttributeFilterProvider(), ours);
        _server = new BackgroundJobServer(new BackgroundJobServerOptions { WorkerCount = 1, FilterProvider = _filters, SchedulePollingInterval = TimeSpan.FromSeconds(1) }, _storage);
    }

    [Fact]
    public async Task AFailureWithARetryLeft_SaysTheHumanLineAndTheRetryTime_TheStackTraceStaysInTheFailedState()
    {
        var id = new BackgroundJobClient(_storage, _filters).Enqueue<FailingJobs>(j => j.PullWithRetryAsync());

        var history = await StateAsync(id, "Scheduled");
        var scheduled = history.First(h => h.StateName == "Scheduled");
        var retryAt = DateTime.Parse(scheduled.Data["EnqueueAt"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        Assert.Equal("Registry unreachable: HTTP 500 on page 3; the earlier pages are kept; retrying at "
            + JobSummaries.LocalTime(retryAt, DateTime.UtcNow, Zone) + " (retry 1 of 2)", scheduled.Reason);
        Assert.Matches(@"retrying at (\d\d/\d\d )?\d\d:\d\d ", scheduled.Reason);

        // Hangfire keeps the Failed state it passed through: the exception and its stack trace, below the line.
        var failed = history.First(h => h.StateName == "Failed");
        Assert.Contains("JobFailedException", failed.Data["ExceptionType"], StringComparison.Ordinal);
        Assert.Contains("at Ocop.MarketSync.UnitTests.Sync.Jobs.FailingJobs", failed.Data["ExceptionDetails"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailureWithNoRetryLeft_SaysSo_AndWhenTheRecurringJobRunsNext()
    {
        var recurring = new RecurringJobManager(_storage, _filters);
        recurring.AddOrUpdate("failing-nightly", Job.FromExpression<FailingJobs>(j => j.CrashOnce()), "0 2 * * *",
            new RecurringJobOptions { TimeZone = Zone });
        var triggered = recurring.TriggerJob("failing-nightly");
        var adHoc = new BackgroundJobClient(_storage, _filters).Enqueue<FailingJobs>(j => j.CrashOnce());

        var fromSchedule = (await StateAsync(triggered!, "Failed")).First(h => h.StateName == "Failed");
        using var connection = _storage.GetConnection();
        var next = connection.GetRecurringJobs(["failing-nightly"]).Single().NextExecution!.Value;
        Assert.Equal("Certificate store locked; no more retries; the next scheduled run is at " + JobSummaries.LocalTime(next, DateTime.UtcNow, Zone),
            fromSchedule.Reason);
        Assert.EndsWith("02:00", fromSchedule.Reason, StringComparison.Ordinal);

        var byHand = (await StateAsync(adHoc, "Failed")).First(h => h.StateName == "Failed");
        Assert.Equal("Certificate store locked; no more retries; press Requeue once the cause is fixed", byHand.Reason);
    }

    public void Dispose()
    {
        _server.Dispose();
        _storage.Dispose();
    }

    private async Task<IReadOnlyList<StateHistoryDto>> StateAsync(string jobId, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var details = _storage.GetMonitoringApi().JobDetails(jobId);
            if (details?.History.Any(h => h.StateName == state) == true)
            {
                return [.. details.History];
            }

            Assert.True(DateTime.UtcNow < deadline, $"job {jobId} did not reach {state}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}

public sealed class FailingJobs
{
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [3600])]
    public Task PullWithRetryAsync() => throw new JobFailedException("Registry unreachable: HTTP 500 on page 3; the earlier pages are kept",
        new HttpRequestException("Response status code does not indicate success: 500"));

    [AutomaticRetry(Attempts = 0)]
    public void CrashOnce() => throw new InvalidOperationException("Certificate store locked.\nDetails: file /var/lib/x busy");
}
