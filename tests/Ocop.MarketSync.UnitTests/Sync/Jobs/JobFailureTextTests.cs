using Ocop.MarketSync.Registry;
using Ocop.MarketSync.Sync.Jobs;

namespace Ocop.MarketSync.UnitTests.Sync.Jobs;

/// <summary>The one line a failed job shows first, and its retry time in Asia/Ho_Chi_Minh.</summary>
public sealed class JobFailureTextTests
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [Fact]
    public void LocalTime_IsHourAndMinuteToday_WithTheDateOnAnotherDay()
    {
        var now = new DateTime(2026, 12, 6, 3, 0, 0, DateTimeKind.Utc); // 10:00 in Hà Nội
        Assert.Equal("10:42", JobSummaries.LocalTime(now.AddMinutes(42), now, Zone));
        Assert.Equal("07/12 00:15", JobSummaries.LocalTime(new DateTime(2026, 12, 6, 17, 15, 0, DateTimeKind.Utc), now, Zone));
    }

    [Fact]
    public void Retrying_AndNoMoreRetries_PutTheHumanLineFirst()
    {
        var now = new DateTime(2026, 12, 6, 3, 0, 0, DateTimeKind.Utc);
        Assert.Equal("Registry unreachable: HTTP 500 on page 3; retrying at 10:42 (retry 1 of 3)",
            JobSummaries.Retrying("Registry unreachable: HTTP 500 on page 3", now.AddMinutes(42), now, Zone, 1, 3));
        Assert.Equal("Disk full; retrying at 10:01", JobSummaries.Retrying("Disk full", now.AddMinutes(1), now, Zone, null, null));
        Assert.Equal("Disk full; no more retries; the next scheduled run is at 07/12 02:00",
            JobSummaries.NoMoreRetries("Disk full", new DateTime(2026, 12, 6, 19, 0, 0, DateTimeKind.Utc), now, Zone));
        Assert.Equal("Disk full; no more retries; press Requeue once the cause is fixed", JobSummaries.NoMoreRetries("Disk full", null, now, Zone));
    }

    [Fact]
    public void Headline_IsTheFirstLine_OfTheHumanMessage_OrOfTheWrappedCause()
    {
        var human = JobSummaries.RegistryFailed(new RegistryPageException(RegistryFailure.HttpError, "HTTP 500 on page 3"));
        Assert.Equal("Registry unreachable: HTTP 500 on page 3; the earlier pages are kept, and the next scheduled pull catches up anyway",
            JobSummaries.Headline(human));
        Assert.Equal("Store locked", JobSummaries.Headline(new AggregateException(new InvalidOperationException("Store locked.\n   at somewhere"))));
        Assert.Equal(JobSummaries.MaxHeadline, JobSummaries.Headline(new InvalidOperationException(new string('x', 1000))).Length);
    }
}
