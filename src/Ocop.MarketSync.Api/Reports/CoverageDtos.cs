namespace Ocop.MarketSync.Api.Reports;

/// <summary>What the rows of a coverage report are.</summary>
public enum CoverageDimension
{
    /// <summary>One row per current province (34, in code order), plus one for products without a known province.</summary>
    Province,

    /// <summary>One row per enabled channel; certified and eligible count only the products that channel could list.</summary>
    Channel,

    /// <summary>One row per OCOP group I–VI, plus one for products without a valid product set.</summary>
    Group,
}

/// <summary>
/// OCOP programme coverage on <paramref name="Date"/> (the Asia/Ho_Chi_Minh calendar day): how many products hold a
/// certificate in force, how many of those may be listed, and how many are on sale on each channel.
/// </summary>
/// <param name="Channels">The enabled channels, in the order of every row's <see cref="CoverageRowDto.Active"/>.</param>
/// <param name="Total">All products: for provinces and groups the sum of the rows; for channels the products of the
/// programme, which several channel rows each count.</param>
public sealed record CoverageReportDto(
    CoverageDimension By,
    DateOnly Date,
    IReadOnlyList<string> Channels,
    IReadOnlyList<CoverageRowDto> Rows,
    CoverageRowDto Total);

/// <summary>One row of a coverage report. Percentages are rounded to one decimal and absent when the base is 0.</summary>
/// <param name="Key">Province code, group code (I–VI) or channel id; absent for the unknown and total rows.</param>
/// <param name="Name">Province name, group name, the channel's marketplace, "(unknown)" or "Total".</param>
/// <param name="Certified">Products, not retired, whose certificate is in force on the report's day.</param>
/// <param name="Eligible">Products, not retired, that intake found eligible.</param>
/// <param name="EligiblePercent">Eligible as a percentage of certified.</param>
/// <param name="Active">Listings on sale, per channel (a channel row has only its own channel).</param>
public sealed record CoverageRowDto(
    string? Key,
    string Name,
    int Certified,
    int Eligible,
    decimal? EligiblePercent,
    IReadOnlyList<ChannelActiveDto> Active);

/// <param name="ActivePercent">Active as a percentage of the row's eligible products.</param>
public sealed record ChannelActiveDto(string Channel, int Active, decimal? ActivePercent);
