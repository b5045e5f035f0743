using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Ocop.MarketSync.Api.Security;

namespace Ocop.MarketSync.UnitTests.Api.Security;

public sealed class LoginThrottleTests
{
    private static readonly IPAddress Client = IPAddress.Parse("203.0.113.7");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero));

    private LoginThrottle Throttle(int free = 3, int lockAfter = 6, int addressLockAfter = 20) => new(
        Options.Create(new LoginLockoutOptions
        {
            FreeAttempts = free, LockAfter = lockAfter, AddressLockAfter = addressLockAfter,
            MaxDelay = TimeSpan.FromSeconds(4), LockFor = TimeSpan.FromMinutes(15), Window = TimeSpan.FromMinutes(15),
        }),
        _time, NullLogger<LoginThrottle>.Instance);

    [Fact]
    public void Failures_BeyondTheFreeOnes_ImposeADoublingWaitCappedAtMaxDelay()
    {
        var throttle = Throttle();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(throttle.Check("staff", Client).IsAllowed);
            throttle.RecordFailure("staff", Client, "form");
        }

        Assert.True(throttle.Check("staff", Client).IsAllowed);
        throttle.RecordFailure("staff", Client, "form");
        Assert.Equal(TimeSpan.FromSeconds(1), throttle.Check("staff", Client).RetryAfter);

        _time.Advance(TimeSpan.FromSeconds(1));
        throttle.RecordFailure("staff", Client, "form");
        Assert.Equal(TimeSpan.FromSeconds(2), throttle.Check("staff", Client).RetryAfter);
        Assert.False(throttle.Check("staff", Client).IsLocked);
    }

    [Fact]
    public void Failures_UpToLockAfter_LockTheUserForLockForEvenFromAnotherAddress()
    {
        var throttle = Throttle();
        for (var i = 0; i < 6; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            throttle.RecordFailure("staff", Client, "form");
        }

        var fromElsewhere = throttle.Check("Staff", IPAddress.Parse("198.51.100.1"));
        Assert.False(fromElsewhere.IsAllowed);
        Assert.True(fromElsewhere.IsLocked);
        Assert.Equal(TimeSpan.FromMinutes(15), fromElsewhere.RetryAfter);
        Assert.Contains(throttle.Snapshot(), l => l is { Kind: "user", Key: "STAFF", Failures: 6, LockedUntil: not null });

        _time.Advance(TimeSpan.FromMinutes(15));
        Assert.True(throttle.Check("staff", IPAddress.Parse("198.51.100.1")).IsAllowed);
    }

    [Fact]
    public void AnAddress_TryingManyUsers_IsLockedAtItsOwnThreshold()
    {
        var throttle = Throttle(free: 2, lockAfter: 5, addressLockAfter: 8);
        for (var i = 0; i < 8; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            throttle.RecordFailure("user" + i, Client, "basic");
        }

        Assert.True(throttle.Check("someone-new", Client).IsLocked);
        Assert.True(throttle.Check("someone-new", IPAddress.Parse("198.51.100.1")).IsAllowed);
    }

    [Fact]
    public void Success_ClearsTheFailuresAndOldFailuresExpire()
    {
        var throttle = Throttle();
        for (var i = 0; i < 5; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            throttle.RecordFailure("staff", Client, "form");
        }

        throttle.RecordSuccess("staff", Client);
        Assert.True(throttle.Check("staff", Client).IsAllowed);
        Assert.Empty(throttle.Snapshot());

        for (var i = 0; i < 5; i++)
        {
            throttle.RecordFailure("staff", Client, "form");
        }

        _time.Advance(TimeSpan.FromMinutes(16));
        throttle.RecordFailure("staff", Client, "form");
        Assert.True(throttle.Check("staff", Client).IsAllowed, "a failure after the window starts a new count");
    }

    [Theory]
    [InlineData("/hangfire/jobs/failed", "/hangfire/jobs/failed")]
    [InlineData(null, "~/hangfire")]
    [InlineData("", "~/hangfire")]
    [InlineData("//evil.example", "~/hangfire")]
    [InlineData("/\\evil.example", "~/hangfire")]
    [InlineData("https://evil.example", "~/hangfire")]
    [InlineData("/\t/evil.example", "~/hangfire")]
    [InlineData("/\u007f", "~/hangfire")]
    [InlineData("/\r\n/x", "~/hangfire")]
    [InlineData("/a b", "~/hangfire")]
    public void SafeReturnUrl_AcceptsOnlyAPathOfThisSite(string? returnUrl, string expected) =>
        Assert.Equal(expected, LoginEndpoints.SafeReturnUrl(returnUrl));
}
