using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Ocop.MarketSync.Sync.Intake;

namespace Ocop.MarketSync.UnitTests.Sync.Intake;

public sealed class IntakeClockTests
{
    private static IntakeClock Clock(FakeTimeProvider time) => new(time, Options.Create(new IntakeOptions()));

    [Fact]
    public void Today_OneSecondBeforeMidnightInVietnam_IsStillThatDay()
    {
        // Arrange: Asia/Ho_Chi_Minh is UTC+7, so local midnight is 17:00 UTC.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 16, 59, 59, TimeSpan.Zero));

        // Act
        var today = Clock(time).Today;

        // Assert
        Assert.Equal(new DateOnly(2026, 11, 29), today);
    }

    [Fact]
    public void Today_AtMidnightInVietnam_IsTheNextDayWhileUtcIsNot()
    {
        // Arrange
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 17, 0, 0, TimeSpan.Zero));

        // Act
        var clock = Clock(time);

        // Assert
        Assert.Equal(new DateOnly(2026, 11, 30), clock.Today);
        Assert.Equal(new DateTime(2026, 11, 29, 17, 0, 0, DateTimeKind.Utc), clock.UtcNow);
        Assert.Equal(DateTimeKind.Utc, clock.UtcNow.Kind);
    }

    [Fact]
    public void Today_WhenTimeAdvances_FollowsTheProvider()
    {
        // Arrange
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 16, 59, 59, TimeSpan.Zero));
        var clock = Clock(time);

        // Act
        time.Advance(TimeSpan.FromSeconds(1));

        // Assert
        Assert.Equal(new DateOnly(2026, 11, 30), clock.Today);
    }

    [Fact]
    public void Zone_Default_IsHoChiMinhAtUtcPlus7()
    {
        // Act
        var zone = Clock(new FakeTimeProvider()).Zone;

        // Assert
        Assert.Equal(TimeSpan.FromHours(7), zone.GetUtcOffset(new DateTime(2026, 11, 29, 0, 0, 0, DateTimeKind.Utc)));
    }
}
