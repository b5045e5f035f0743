namespace Ocop.MarketSync.Data.Entities;

/// <summary>A registry product as intake stored it: its outcome, issues and normalised data.</summary>
public sealed class Product
{
    public long Id { get; set; }

    /// <summary>The registry's identifier (natural key).</summary>
    public required string RegistryId { get; set; }

    public ProductOutcome Outcome { get; set; }

    public List<ProductIssue> Issues { get; set; } = [];

    /// <summary>SHA-256 (hex) of the normalised data, outcome and issues: equal hash, nothing to write.</summary>
    public required string ContentHash { get; set; }

    // Queried columns, copied from Data.
    public string? Name { get; set; }
    public string? Province { get; set; }
    public string? ProvinceCode { get; set; }
    public int? ProductSet { get; set; }
    public int? Stars { get; set; }
    public bool IsService { get; set; }
    public DateOnly? CertificateValidUntil { get; set; }

    public required ProductData Data { get; set; }

    /// <summary>The record exactly as received (JSON), kept so a quarantined record can be inspected and fixed.</summary>
    public required string SourceJson { get; set; }

    /// <summary>The Asia/Ho_Chi_Minh calendar day the outcome was decided for.</summary>
    public DateOnly EvaluatedOn { get; set; }

    public DateTime FirstSeenAt { get; set; }
    public DateTime LastChangedAt { get; set; }

    /// <summary>Set when a full pull no longer finds the product in the registry.</summary>
    public DateTime? RetiredAt { get; set; }
}
