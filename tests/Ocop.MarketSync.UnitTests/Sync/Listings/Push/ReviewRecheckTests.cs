using Ocop.MarketSync.Sync.Listings.Push;

namespace Ocop.MarketSync.UnitTests.Sync.Listings.Push;

/// <summary>How often an open review is asked about: young tickets at every push, old ones at most every 10 minutes.</summary>
public sealed class ReviewRecheckTests
{
    private static readonly DateTime Sent = new(2026, 12, 6, 8, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(10);

    [Fact]
    public void IsDue_NeverAsked_Due() =>
        Assert.True(ReviewTracker.IsDue(Sent, null, Sent, Cap));

    [Theory]
    [InlineData(4, 1, false)]   // asked at 4 min of age: waits 1 min; 59 s later not yet
    [InlineData(4, 60, true)]   // …and a minute later it is
    [InlineData(20, 299, false)]  // asked at 20 min of age: waits 5 min
    [InlineData(20, 300, true)]
    [InlineData(120, 599, false)] // asked at 2 h of age: a quarter is 30 min, capped at 10
    [InlineData(1440, 600, true)]  // a day old: still every 10 minutes, not every 6 h
    public void IsDue_AQuarterOfTheAgeCappedAtTheMaximum(int ageAtQuestionMinutes, int secondsSinceQuestion, bool due)
    {
        var asked = Sent.AddMinutes(ageAtQuestionMinutes);

        Assert.Equal(due, ReviewTracker.IsDue(Sent, asked, asked.AddSeconds(secondsSinceQuestion), Cap));
    }

    [Fact]
    public void IsDue_FrozenClock_DueAtEveryPush()
    {
        // A stopped test clock (and a marketplace reviewing within the same instant) must not strand a ticket.
        Assert.True(ReviewTracker.IsDue(Sent, Sent, Sent, Cap));
    }

    [Fact]
    public void IsDue_ZeroMaximum_DueAtEveryPushWhateverTheAge()
    {
        var asked = Sent.AddDays(3);

        Assert.True(ReviewTracker.IsDue(Sent, asked, asked, TimeSpan.Zero));
    }
}
