namespace Ocop.MarketSync.Data.Entities;

/// <summary>How far incremental intake has read a source. Advanced in the same transaction as the page it covers.</summary>
public sealed class IntakeCursor
{
    public required string Source { get; set; }
    public string? Cursor { get; set; }
    public DateTime UpdatedAt { get; set; }
}
