using System.Globalization;
using System.Text;
using Ocop.MarketSync.Api.Reports;

namespace Ocop.MarketSync.UnitTests.Reports;

/// <summary>The CSV download: BOM, header, one pair of columns per channel, invariant numbers, quoting.</summary>
public sealed class CoverageCsvWriterTests
{
    private static readonly DateOnly Day = new(2026, 11, 29);

    private static CoverageReportDto ProvinceReport() => new(
        CoverageDimension.Province, Day, ["ch-0", "ch-1"],
        [
            new CoverageRowDto("01", "Hà Nội", 8, 6, 75.0m, [new("ch-0", 5, 83.3m), new("ch-1", 2, 33.3m)]),
            new CoverageRowDto("04", "Cao Bằng", 0, 0, null, [new("ch-0", 0, null), new("ch-1", 0, null)]),
        ],
        new CoverageRowDto(null, "Total", 8, 6, 75.0m, [new("ch-0", 5, 83.3m), new("ch-1", 2, 33.3m)]));

    private static string[] Lines(byte[] csv) =>
        Encoding.UTF8.GetString(csv.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Write_StartsWithTheUtf8ByteOrderMark()
    {
        var csv = CoverageCsvWriter.Write(ProvinceReport());

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
    }

    [Fact]
    public void Write_ProvinceReport_HasHeaderRowsAndTotalLast()
    {
        var lines = Lines(CoverageCsvWriter.Write(ProvinceReport()));

        Assert.Equal(
            [
                "province_code,province,certified,eligible,eligible_of_certified_pct,active_ch-0,active_of_eligible_pct_ch-0,active_ch-1,active_of_eligible_pct_ch-1",
                "01,Hà Nội,8,6,75.0,5,83.3,2,33.3",
                "04,Cao Bằng,0,0,,0,,0,",
                ",Total,8,6,75.0,5,83.3,2,33.3",
            ],
            lines);
    }

    [Fact]
    public void Write_UnderAVietnameseCulture_NumbersStayInvariant()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // vi-VN writes 83,3: a comma would shift every column after it.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("vi-VN");
            var lines = Lines(CoverageCsvWriter.Write(ProvinceReport()));

            Assert.Equal("01,Hà Nội,8,6,75.0,5,83.3,2,33.3", lines[1]);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Write_GroupNameWithCommas_IsQuoted()
    {
        var vi = new CoverageRowDto("VI", "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch", 2, 1, 50.0m, []);
        var report = new CoverageReportDto(CoverageDimension.Group, Day, [], [vi], vi with { Key = null, Name = "Total" });

        var lines = Lines(CoverageCsvWriter.Write(report));

        Assert.Equal("group_code,group,certified,eligible,eligible_of_certified_pct", lines[0]);
        Assert.Equal("VI,\"Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch\",2,1,50.0", lines[1]);
    }

    [Fact]
    public void Write_ChannelReport_LeavesTheOtherChannelsCellsEmpty()
    {
        var report = new CoverageReportDto(CoverageDimension.Channel, Day, ["ch-0", "ch-1"],
            [
                new CoverageRowDto("ch-0", "sandbox", 10, 8, 80.0m, [new("ch-0", 8, 100.0m)]),
                new CoverageRowDto("ch-1", "sandbox", 9, 7, 77.8m, [new("ch-1", 6, 85.7m)]),
            ],
            new CoverageRowDto(null, "Total", 10, 8, 80.0m, [new("ch-0", 8, 100.0m), new("ch-1", 6, 75.0m)]));

        var lines = Lines(CoverageCsvWriter.Write(report));

        Assert.StartsWith("channel,marketplace,", lines[0], StringComparison.Ordinal);
        Assert.Equal("ch-0,sandbox,10,8,80.0,8,100.0,,", lines[1]);
        Assert.Equal("ch-1,sandbox,9,7,77.8,,,6,85.7", lines[2]);
    }

    [Theory]
    [InlineData(CoverageDimension.Province, "ocop-coverage-province-2026-11-29.csv")]
    [InlineData(CoverageDimension.Channel, "ocop-coverage-channel-2026-11-29.csv")]
    [InlineData(CoverageDimension.Group, "ocop-coverage-group-2026-11-29.csv")]
    public void FileName_NamesTheDimensionAndDay(CoverageDimension by, string expected)
    {
        Assert.Equal(expected, CoverageCsvWriter.FileName(by, Day));
    }
}
