using Ocop.MarketSync.Api.Reports;
using Ocop.MarketSync.Sync.Intake.Provinces;
using Ocop.MarketSync.Sync.Listings.Planning;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Reports;

/// <summary>Rows, totals and percentages of the coverage report from hand-made counts.</summary>
public sealed class CoverageCalculatorTests
{
    private static readonly DateOnly Day = new(2026, 11, 29);
    private static readonly ProvinceDirectory Provinces = ProvinceDirectory.LoadEmbedded();

    private static readonly ProductCell RiceHanoi = new("Hà Nội", 3, false);
    private static readonly ProductCell TeaHanoi = new("Hà Nội", 11, false);
    private static readonly ProductCell WineHue = new("Huế", 14, false);
    private static readonly ProductCell HomestayHue = new("Huế", 26, true);
    private static readonly ProductCell NoProvince = new(null, 7, false);
    private static readonly ProductCell NoSet = new("Huế", null, false);

    /// <summary>Two goods shops like the planner sees them: "shop-a" has every category 1–25, "shop-b" lacks set 14.</summary>
    private static List<ChannelReach> Channels()
    {
        var a = TestChannels.GoodsShop();
        var b = TestChannels.GoodsShop();
        b.Id = "shop-b";
        b.Categories.Remove(14);
        var capabilities = TestChannels.Capabilities();
        return [.. new[] { a, b }.Select(c => new ChannelReach(c.Id, c.Marketplace,
            cell => DesiredListingBuilder.ChannelTakes(cell.ProductSet, cell.IsService, c, capabilities)))];
    }

    private static CoverageCounts Counts() => new(
        Certified: new Dictionary<ProductCell, int> { [RiceHanoi] = 5, [TeaHanoi] = 3, [WineHue] = 4, [HomestayHue] = 2, [NoProvince] = 1, [NoSet] = 1 },
        Eligible: new Dictionary<ProductCell, int> { [RiceHanoi] = 4, [TeaHanoi] = 2, [WineHue] = 3, [HomestayHue] = 2 },
        Active: new Dictionary<(string, ProductCell), int>
        {
            [("shop-a", RiceHanoi)] = 4,
            [("shop-a", TeaHanoi)] = 1,
            [("shop-a", WineHue)] = 3,
            [("shop-b", RiceHanoi)] = 2,
            // Listed before shop-b lost its wine category: still on sale, still counted.
            [("shop-b", WineHue)] = 1,
        });

    [Theory]
    [InlineData(1, 3, 33.3)]
    [InlineData(2, 3, 66.7)]
    [InlineData(1, 16, 6.3)] // 6.25: half away from zero, not to even
    [InlineData(3, 3, 100.0)]
    [InlineData(5, 4, 125.0)]
    [InlineData(0, 7, 0.0)]
    public void Percent_OfANonZeroBase_IsRoundedToOneDecimal(int part, int whole, double expected)
    {
        Assert.Equal((decimal)expected, CoverageCalculator.Percent(part, whole));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Percent_OfZero_IsNull(int part)
    {
        Assert.Null(CoverageCalculator.Percent(part, 0));
    }

    [Fact]
    public void Build_ByProvince_HasEveryProvinceInCodeOrderThenTheUnknown()
    {
        // Act
        var report = CoverageCalculator.Build(CoverageDimension.Province, Day, Counts(), Channels(), Provinces.Current);

        // Assert
        Assert.Equal(35, report.Rows.Count);
        Assert.Equal(("01", "Hà Nội"), (report.Rows[0].Key, report.Rows[0].Name));
        Assert.Equal(report.Rows.Take(34).Select(r => r.Key).Order(StringComparer.Ordinal), report.Rows.Take(34).Select(r => r.Key));
        var unknown = report.Rows[^1];
        Assert.Equal((null, CoverageCalculator.UnknownName, 1, 0), (unknown.Key, unknown.Name, unknown.Certified, unknown.Eligible));
        Assert.Equal(0.0m, unknown.EligiblePercent);
        Assert.Equal(["shop-a", "shop-b"], report.Channels);
    }

    [Fact]
    public void Build_ByProvince_SumsTheCellsOfEachProvince()
    {
        // Act
        var report = CoverageCalculator.Build(CoverageDimension.Province, Day, Counts(), Channels(), Provinces.Current);

        // Assert
        var hanoi = report.Rows.Single(r => r.Name == "Hà Nội");
        Assert.Equal((8, 6, 75.0m), (hanoi.Certified, hanoi.Eligible, hanoi.EligiblePercent));
        Assert.Equal([("shop-a", 5, (decimal?)83.3m), ("shop-b", 2, 33.3m)], hanoi.Active.Select(a => (a.Channel, a.Active, a.ActivePercent)));
        var hue = report.Rows.Single(r => r.Name == "Huế");
        Assert.Equal((7, 5), (hue.Certified, hue.Eligible));
        var empty = report.Rows.Single(r => r.Name == "Cao Bằng");
        Assert.Equal((0, 0, null), (empty.Certified, empty.Eligible, empty.EligiblePercent));
        Assert.All(empty.Active, a => Assert.Null(a.ActivePercent));
    }

    [Fact]
    public void Build_ByProvince_TotalIsTheSumOfTheRows()
    {
        // Act
        var report = CoverageCalculator.Build(CoverageDimension.Province, Day, Counts(), Channels(), Provinces.Current);

        // Assert
        Assert.Equal((16, 11), (report.Total.Certified, report.Total.Eligible));
        Assert.Equal(report.Rows.Sum(r => r.Certified), report.Total.Certified);
        Assert.Equal([8, 3], report.Total.Active.Select(a => a.Active));
        Assert.Equal((CoverageCalculator.TotalName, 68.8m, 72.7m), (report.Total.Name, report.Total.EligiblePercent, report.Total.Active[0].ActivePercent));
    }

    [Fact]
    public void Build_ByGroup_HasTheSixGroupsInOrderThenTheUnknown()
    {
        // Act
        var report = CoverageCalculator.Build(CoverageDimension.Group, Day, Counts(), Channels(), Provinces.Current);

        // Assert
        Assert.Equal(["I", "II", "III", "IV", "V", "VI", null], report.Rows.Select(r => r.Key));
        var food = report.Rows[0];
        Assert.Equal(("Thực phẩm", 9, 6), (food.Name, food.Certified, food.Eligible)); // sets 3, 11 and 7 (no province)
        Assert.Equal((4, 3), (report.Rows[1].Certified, report.Rows[1].Eligible));
        Assert.Equal((2, 2), (report.Rows[5].Certified, report.Rows[5].Eligible));
        Assert.Equal((1, 0), (report.Rows[6].Certified, report.Rows[6].Eligible));
        Assert.Equal(report.Rows.Sum(r => r.Certified), report.Total.Certified);
    }

    [Fact]
    public void Build_ByGroup_WithoutUnknownProducts_HasNoUnknownRow()
    {
        // Arrange
        var counts = new CoverageCounts(
            new Dictionary<ProductCell, int> { [RiceHanoi] = 1 }, new Dictionary<ProductCell, int>(), new Dictionary<(string, ProductCell), int>());

        // Act
        var report = CoverageCalculator.Build(CoverageDimension.Group, Day, counts, Channels(), Provinces.Current);

        // Assert
        Assert.Equal(6, report.Rows.Count);
    }

    [Fact]
    public void Build_ByChannel_CountsWhatEachChannelCouldListAndAllItsActiveListings()
    {
        // Act
        var report = CoverageCalculator.Build(CoverageDimension.Channel, Day, Counts(), Channels(), Provinces.Current);

        // Assert
        Assert.Equal(["shop-a", "shop-b"], report.Rows.Select(r => r.Key));
        var a = report.Rows[0];
        Assert.Equal(("sandbox", 14, 9), (a.Name, a.Certified, a.Eligible)); // no services (homestay); no set (Huế) is not refused
        var onA = Assert.Single(a.Active);
        Assert.Equal(("shop-a", 8, (decimal?)88.9m), (onA.Channel, onA.Active, onA.ActivePercent));
        var b = report.Rows[1];
        Assert.Equal((10, 6), (b.Certified, b.Eligible)); // nor wine (set 14)
        Assert.Equal(3, Assert.Single(b.Active).Active);
        Assert.Equal((16, 11), (report.Total.Certified, report.Total.Eligible));
        Assert.Equal([8, 3], report.Total.Active.Select(t => t.Active));
    }

    [Fact]
    public void Build_NoChannels_RowsHaveNoActiveColumns()
    {
        // Act
        var report = CoverageCalculator.Build(CoverageDimension.Province, Day, Counts(), [], Provinces.Current);

        // Assert
        Assert.Empty(report.Channels);
        Assert.All(report.Rows, r => Assert.Empty(r.Active));
    }
}
