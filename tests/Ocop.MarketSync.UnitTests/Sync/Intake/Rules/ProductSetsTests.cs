using Ocop.MarketSync.Sync.Intake.Rules;

namespace Ocop.MarketSync.UnitTests.Sync.Intake.Rules;

public sealed class ProductSetsTests
{
    [Theory]
    [InlineData(1, "I")]
    [InlineData(13, "I")]
    [InlineData(14, "II")]
    [InlineData(17, "II")]
    [InlineData(18, "III")]
    [InlineData(20, "III")]
    [InlineData(21, "IV")]
    [InlineData(22, "IV")]
    [InlineData(23, "V")]
    [InlineData(25, "V")]
    [InlineData(26, "VI")]
    public void GroupCodeOf_SetOnAGroupBoundary_IsThatGroup(int productSet, string group)
    {
        // Act
        var code = ProductSets.GroupCodeOf(productSet);

        // Assert
        Assert.Equal(group, code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(27)]
    [InlineData(-1)]
    public void GroupCodeOf_SetOutside1To26_IsNull(int productSet)
    {
        // Act
        var code = ProductSets.GroupCodeOf(productSet);

        // Assert
        Assert.Null(code);
    }

    [Fact]
    public void ServiceSet_Is26()
    {
        // Assert
        Assert.Equal(26, ProductSets.ServiceSet);
    }
}
