using Microsoft.Extensions.Options;

namespace Ocop.MarketSync.Sync.Intake;

/// <summary>"Now" and "today" for intake. Today is the calendar day in <see cref="IntakeOptions.TimeZone"/>
/// (Asia/Ho_Chi_Minh): a certificate ending on a day is valid until that day's midnight in Vietnam, not UTC.</summary>
public sealed class IntakeClock(TimeProvider time, IOptions<IntakeOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public TimeZoneInfo Zone => _zone;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone).DateTime);
}
