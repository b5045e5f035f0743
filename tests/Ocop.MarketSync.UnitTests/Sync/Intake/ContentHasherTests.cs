using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Intake;

namespace Ocop.MarketSync.UnitTests.Sync.Intake;

public sealed class ContentHasherTests
{
    private static readonly ProductData Data = new() { Name = "Gạo ST25", PriceVnd = 215000, Images = ["https://a.example/1.jpg"] };
    private static readonly ProductIssue StockZero = new("stock.zero", "stock is 0: listed as out of stock", IssueSeverity.Info);

    [Fact]
    public void Hash_EqualInputsInSeparateInstances_IsEqualLowercaseSha256Hex()
    {
        // Arrange
        var copy = Data with { Images = ["https://a.example/1.jpg"] };

        // Act
        var first = ContentHasher.Hash(Data, ProductOutcome.Eligible, [StockZero]);
        var second = ContentHasher.Hash(copy, ProductOutcome.Eligible, [StockZero with { }]);

        // Assert
        Assert.Equal(first, second);
        Assert.Matches("^[0-9a-f]{64}$", first);
    }

    [Fact]
    public void Hash_OtherOutcome_Differs()
    {
        // Act
        var eligible = ContentHasher.Hash(Data, ProductOutcome.Eligible, []);
        var ineligible = ContentHasher.Hash(Data, ProductOutcome.Ineligible, []);

        // Assert
        Assert.NotEqual(eligible, ineligible);
    }

    [Fact]
    public void Hash_OtherIssueMessage_Differs()
    {
        // Act
        var before = ContentHasher.Hash(Data, ProductOutcome.Eligible, [StockZero]);
        var after = ContentHasher.Hash(Data, ProductOutcome.Eligible, [StockZero with { Message = "stock is 0" }]);

        // Assert
        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Hash_OtherImageOrder_Differs()
    {
        // Arrange
        var two = Data with { Images = ["https://a.example/1.jpg", "https://a.example/2.jpg"] };
        var swapped = Data with { Images = ["https://a.example/2.jpg", "https://a.example/1.jpg"] };

        // Act / Assert
        Assert.NotEqual(ContentHasher.Hash(two, ProductOutcome.Eligible, []), ContentHasher.Hash(swapped, ProductOutcome.Eligible, []));
    }
}
