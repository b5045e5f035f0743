using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Listings.Planning;

namespace Ocop.MarketSync.UnitTests.Sync.Listings.Planning;

public sealed class StockRuleTests
{
    [Theory]
    [InlineData(820, 0, 100, null, 820)] // defaults: everything
    [InlineData(820, 20, 100, null, 800)] // buffer
    [InlineData(10, 0, 35, null, 3)] // 3.5 → floor 3, not 4
    [InlineData(10, 0, 33, null, 3)] // 3.3 → 3
    [InlineData(1, 0, 99, null, 0)] // 0.99 → 0: never offer a unit that is not there
    [InlineData(820, 0, 100, 50, 50)] // maximum
    [InlineData(30, 0, 100, 50, 30)] // below the maximum
    [InlineData(105, 5, 50, 40, 40)] // (105 − 5) × 50 % = 50, capped at 40
    [InlineData(105, 5, 50, 60, 50)]
    [InlineData(3, 5, 100, null, 0)] // buffer above stock: 0, not −2
    [InlineData(0, 0, 100, null, 0)] // zero stock (REG-00013): out of stock, never unlimited
    [InlineData(-4, 0, 100, null, 0)] // bad data: never negative
    [InlineData(820, 0, 0, null, 0)] // a channel with no share
    [InlineData(820, 0, 100, 0, 0)]
    public void Apply_BufferShareMaximum(int stock, int buffer, double share, int? maximum, int expected)
    {
        // Arrange
        var rule = new StockRuleOptions { SafetyBuffer = buffer, SharePercent = (decimal)share, Maximum = maximum };

        // Act
        var offered = StockRule.Apply(stock, rule);

        // Assert
        Assert.Equal(expected, offered);
    }
}
