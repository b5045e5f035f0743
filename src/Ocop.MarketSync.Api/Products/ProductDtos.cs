using System.Text.Json;
using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Api.Products;

/// <summary>A product in a list: enough to see its outcome and why.</summary>
public sealed record ProductSummaryDto(
    string RegistryId,
    string? Name,
    string? Province,
    int? Stars,
    int? ProductSet,
    ProductOutcome Outcome,
    IReadOnlyList<string> IssueCodes,
    DateOnly? CertificateValidUntil,
    bool Retired,
    DateTime LastChangedAt);

/// <summary>A stored product with its outcome, issues and normalised data.</summary>
/// <param name="LastSeenAt">The last time intake confirmed the product in the registry: its last change, or the
/// start of the last complete full pull that found it, whichever is later.</param>
/// <param name="Source">The record exactly as the registry sent it.</param>
public sealed record ProductDetailDto(
    string RegistryId,
    ProductOutcome Outcome,
    IReadOnlyList<ProductIssue> Issues,
    ProductData Product,
    DateOnly EvaluatedOn,
    DateTime FirstSeenAt,
    DateTime LastChangedAt,
    DateTime LastSeenAt,
    DateTime? RetiredAt,
    JsonElement Source);

/// <summary>One page of results. <paramref name="Page"/> is 1-based.</summary>
public sealed record PageDto<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
