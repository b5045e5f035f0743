namespace Ocop.MarketSync.Data.Entities;

/// <summary>
/// "Run this again": set when a trigger finds its job already running on some node, so the running job loops once
/// more instead of the trigger being lost (a change that arrives mid-push must not wait for the next schedule).
/// </summary>
public sealed class RunRequest
{
    public required string Resource { get; set; }
    public DateTime RequestedAt { get; set; }
}
