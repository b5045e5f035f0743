using Ocop.MarketSync.Sync.Intake.Provinces;
using Ocop.MarketSync.Sync.Intake.Rules;

namespace Ocop.MarketSync.Api.Reports;

/// <summary>Turns the grouped counts into the rows of a report. Pure: the database work is in <see cref="CoverageQuery"/>.</summary>
internal static class CoverageCalculator
{
    public const string UnknownName = "(unknown)";
    public const string TotalName = "Total";

    /// <summary><paramref name="part"/> as a percentage of <paramref name="whole"/>, one decimal, half away from zero; null for a base of 0.</summary>
    public static decimal? Percent(int part, int whole) =>
        whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);

    public static CoverageReportDto Build(
        CoverageDimension by, DateOnly date, CoverageCounts counts, IReadOnlyList<ChannelReach> channels, IEnumerable<ProvinceMatch> provinces)
    {
        var rows = by switch
        {
            CoverageDimension.Province => ByProvince(counts, channels, provinces),
            CoverageDimension.Group => ByGroup(counts, channels),
            CoverageDimension.Channel => ByChannel(counts, channels),
            _ => throw new ArgumentOutOfRangeException(nameof(by), by, "Unknown coverage dimension."),
        };
        var total = Row(null, TotalName, counts, _ => true, channels);
        return new CoverageReportDto(by, date, [.. channels.Select(c => c.Id)], rows, total);
    }

    private static List<CoverageRowDto> ByProvince(CoverageCounts counts, IReadOnlyList<ChannelReach> channels, IEnumerable<ProvinceMatch> provinces)
    {
        // Every current province, also those without a product: a gap in coverage is what the report is for.
        var known = provinces.OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        var rows = known.Select(p => Row(p.Code, p.Name, counts, c => c.Province == p.Name, channels)).ToList();
        var names = known.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var others = Cells(counts).Select(c => c.Province).OfType<string>().Where(n => !names.Contains(n)).Distinct().Order(StringComparer.Ordinal);
        rows.AddRange(others.Select(name => Row(null, name, counts, c => c.Province == name, channels)));
        AddUnknown(rows, counts, c => c.Province is null, channels);
        return rows;
    }

    private static List<CoverageRowDto> ByGroup(CoverageCounts counts, IReadOnlyList<ChannelReach> channels)
    {
        var rows = ProductSets.Groups.Select(g => Row(g.Code, g.Name, counts, c => GroupOf(c) == g.Code, channels)).ToList();
        AddUnknown(rows, counts, c => GroupOf(c) is null, channels);
        return rows;
    }

    private static List<CoverageRowDto> ByChannel(CoverageCounts counts, IReadOnlyList<ChannelReach> channels) =>
        [.. channels.Select(channel => Row(channel.Id, channel.Marketplace, counts, channel.Takes, [channel], activeInRow: _ => true))];

    private static void AddUnknown(List<CoverageRowDto> rows, CoverageCounts counts, Func<ProductCell, bool> inRow, IReadOnlyList<ChannelReach> channels)
    {
        var row = Row(null, UnknownName, counts, inRow, channels);
        if (row.Certified + row.Eligible + row.Active.Sum(a => a.Active) > 0)
        {
            rows.Add(row);
        }
    }

    /// <param name="channels">The channels whose Active listings the row shows (all of them, or a channel row's own).</param>
    /// <param name="activeInRow">Which Active listings the row counts; by default those of its products.</param>
    private static CoverageRowDto Row(
        string? key, string name, CoverageCounts counts, Func<ProductCell, bool> inRow, IReadOnlyList<ChannelReach> channels,
        Func<ProductCell, bool>? activeInRow = null)
    {
        activeInRow ??= inRow;
        var certified = counts.Certified.Where(x => inRow(x.Key)).Sum(x => x.Value);
        var eligible = counts.Eligible.Where(x => inRow(x.Key)).Sum(x => x.Value);

        // A channel row counts all its Active listings, also of products its rules no longer take: they are on
        // sale, and staff should see them.
        var active = channels.Select(channel =>
        {
            var count = counts.Active.Where(x => x.Key.Channel == channel.Id && activeInRow(x.Key.Cell)).Sum(x => x.Value);
            return new ChannelActiveDto(channel.Id, count, Percent(count, eligible));
        }).ToList();
        return new CoverageRowDto(key, name, certified, eligible, Percent(eligible, certified), active);
    }

    private static string? GroupOf(ProductCell cell) => cell.ProductSet is { } set ? ProductSets.GroupCodeOf(set) : null;

    private static IEnumerable<ProductCell> Cells(CoverageCounts counts) =>
        counts.Certified.Keys.Concat(counts.Eligible.Keys).Concat(counts.Active.Keys.Select(k => k.Cell));
}
