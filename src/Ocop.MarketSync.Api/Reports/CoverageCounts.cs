namespace Ocop.MarketSync.Api.Reports;

/// <summary>The columns every report dimension is derived from: a few hundred cells at most (34 provinces × 26 sets × 2).</summary>
internal readonly record struct ProductCell(string? Province, int? ProductSet, bool IsService);

/// <summary>Products counted per cell, and Active listings per channel and cell, as the database grouped them.</summary>
internal sealed record CoverageCounts(
    IReadOnlyDictionary<ProductCell, int> Certified,
    IReadOnlyDictionary<ProductCell, int> Eligible,
    IReadOnlyDictionary<(string Channel, ProductCell Cell), int> Active);

/// <summary>A channel in the report, with the channel rules of the listing planner (services, categories).</summary>
internal sealed record ChannelReach(string Id, string Marketplace, Func<ProductCell, bool> Takes);
