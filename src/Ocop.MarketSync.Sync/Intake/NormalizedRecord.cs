using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Sync.Intake;

/// <summary>A registry record after validation: what to store, its outcome and why.</summary>
/// <param name="RegistryId">Null when the record has no usable id (it cannot be stored; it is reported in the run).</param>
public sealed record NormalizedRecord(
    string? RegistryId,
    ProductOutcome Outcome,
    IReadOnlyList<ProductIssue> Issues,
    ProductData Data,
    string SourceJson,
    string ContentHash);
