using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Listings.Planning;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Sync.Listings.Planning;

/// <summary>The marketplace's price and stock bounds, decided by the planner (issue 13).</summary>
public sealed class MarketplaceLimitsTests
{
    private static readonly MarketplaceCapabilities Shop = TestChannels.Capabilities() with
    {
        MinPriceVnd = 1_000,
        MaxPriceVnd = 120_000_000,
        MaxStock = 99_999,
    };

    [Theory]
    [InlineData(1_000)]
    [InlineData(215_000)]
    [InlineData(120_000_000)]
    public void Price_WithinTheRange_Unchanged(long price)
    {
        Assert.Equal((price, (ProductIssue?)null), MarketplaceLimits.Price(price, null, Shop));
    }

    [Theory]
    [InlineData(100_000_000_000)]
    [InlineData(500)]
    public void Price_OutsideTheRangeNeverPushed_NotListedWithTheReason(long price)
    {
        var (_, reason) = MarketplaceLimits.Price(price, null, Shop);

        Assert.NotNull(reason);
        Assert.Equal(("price.outOfRange", IssueSeverity.Ineligible), (reason.Code, reason.Severity));
        Assert.Contains("1,000–120,000,000 VND", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Price_OutsideTheRangeOnALiveListing_KeepsTheLivePriceWithAWarning()
    {
        var (price, reason) = MarketplaceLimits.Price(100_000_000_000, 215_000, Shop);

        Assert.Equal(215_000, price);
        Assert.Equal(("price.outOfRange", IssueSeverity.Warning), (reason!.Code, reason.Severity));
    }

    [Fact]
    public void Price_NoBoundsPublished_AnyPositivePriceGoes()
    {
        Assert.Null(MarketplaceLimits.Price(100_000_000_000, null, TestChannels.Capabilities()).Reason);
    }

    [Fact]
    public void Stock_AboveTheMost_OfferedAsTheMostWithAWarning()
    {
        var (stock, reason) = MarketplaceLimits.Stock(250_000, Shop);

        Assert.Equal(99_999, stock);
        Assert.Equal(("stock.capped", IssueSeverity.Warning), (reason!.Code, reason.Severity));
        Assert.Equal((500, (ProductIssue?)null), MarketplaceLimits.Stock(500, Shop));
    }
}
