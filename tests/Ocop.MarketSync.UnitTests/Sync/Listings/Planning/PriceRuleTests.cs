using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Listings.Planning;

namespace Ocop.MarketSync.UnitTests.Sync.Listings.Planning;

public sealed class PriceRuleTests
{
    private static PriceRuleOptions Rule(decimal markup = 0, long roundTo = 1000, bool allowBelow = false) =>
        new() { MarkupPercent = markup, RoundTo = roundTo, AllowBelowRegistryPrice = allowBelow };

    [Theory]
    [InlineData(215000, 215000)] // already a whole thousand
    [InlineData(215400, 216000)] // half-up would give 215,000, below the registry price: rounded up instead
    [InlineData(215500, 216000)] // half up
    [InlineData(215001, 216000)]
    public void Apply_NoMarkup_RoundsToThousandsNeverBelowTheRegistryPrice(long registry, long expected)
    {
        // Act
        var price = PriceRule.Apply(registry, Rule());

        // Assert
        Assert.Equal(expected, price);
    }

    [Theory]
    [InlineData(215000, 10, 237000)] // 236,500 → half up → 237,000
    [InlineData(215000, 12.5, 242000)] // 241,875 → 242,000
    [InlineData(42000, 7, 45000)] // 44,940 → 45,000
    [InlineData(128000, 3, 132000)] // 131,840 → 132,000
    public void Apply_PositiveMarkup_AddsAndRoundsHalfUp(long registry, double markup, long expected)
    {
        // Act
        var price = PriceRule.Apply(registry, Rule((decimal)markup));

        // Assert
        Assert.Equal(expected, price);
    }

    [Fact]
    public void Apply_NegativeMarkupWithoutAllowance_KeepsTheRegistryPrice()
    {
        // Act: 215,000 − 10 % = 193,500 would undercut the producer
        var price = PriceRule.Apply(215000, Rule(-10));

        // Assert
        Assert.Equal(215000, price);
    }

    [Fact]
    public void Apply_NegativeMarkupWithAllowance_GoesBelowTheRegistryPrice()
    {
        // Act: 193,500 → half up → 194,000
        var price = PriceRule.Apply(215000, Rule(-10, allowBelow: true));

        // Assert
        Assert.Equal(194000, price);
    }

    [Fact]
    public void Apply_AllowanceAndRoundingDown_MayRoundBelowTheRegistryPrice()
    {
        // Act
        var price = PriceRule.Apply(215400, Rule(allowBelow: true));

        // Assert
        Assert.Equal(215000, price);
    }

    [Theory]
    [InlineData(300, 0, false)] // rounds to 0 → up to the registry price → 1,000
    [InlineData(300, -50, true)] // 150 → 0 → floor at one step
    [InlineData(20000, -100, true)] // 0 → floor at one step
    public void Apply_TinyResult_IsNeverBelowOneStep(long registry, double markup, bool allowBelow)
    {
        // Act
        var price = PriceRule.Apply(registry, Rule((decimal)markup, allowBelow: allowBelow));

        // Assert
        Assert.Equal(1000, price);
    }

    [Theory]
    [InlineData(1, 236940)] // 215,400 × 1.1 exactly
    [InlineData(500, 237000)] // 236,940 → 237,000
    [InlineData(100, 236900)]
    [InlineData(0, 236940)] // a step below 1 counts as 1
    public void Apply_OtherSteps_RoundToThatStep(long roundTo, long expected)
    {
        // Act
        var price = PriceRule.Apply(215400, Rule(10, roundTo));

        // Assert
        Assert.Equal(expected, price);
    }

    [Theory]
    [InlineData(100000L, 160000L, true)] // +60 % > 50
    [InlineData(100000L, 140000L, false)] // +40 %
    [InlineData(100000L, 150000L, false)] // exactly 50 % is not more than 50
    [InlineData(100000L, 151000L, true)]
    [InlineData(100000L, 40000L, true)] // −60 %
    [InlineData(100000L, 60000L, false)] // −40 %
    [InlineData(null, 160000L, false)] // never pushed: nothing to compare with
    [InlineData(0L, 160000L, false)]
    public void NeedsApproval_ChangeAgainstTheLimit(long? pushed, long next, bool expected)
    {
        // Arrange
        var rule = new PriceRuleOptions { HoldChangeAbovePercent = 50 };

        // Act
        var needs = PriceRule.NeedsApproval(pushed, next, rule);

        // Assert
        Assert.Equal(expected, needs);
    }
}
