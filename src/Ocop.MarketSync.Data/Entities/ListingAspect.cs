namespace Ocop.MarketSync.Data.Entities;

/// <summary>The parts of a listing that are pushed separately, most urgent first (stock oversells, content does not).</summary>
[Flags]
public enum ListingAspect
{
    None = 0,
    Stock = 1,
    Status = 2,
    Price = 4,
    Content = 8,
    All = Stock | Status | Price | Content,
}
