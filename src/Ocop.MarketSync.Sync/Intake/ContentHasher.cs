using System.Security.Cryptography;
using System.Text.Json;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Sync.Intake;

/// <summary>
/// Hash of what intake would store for a record. Covers the outcome and issues as well as the data, so a
/// re-evaluation that changes the outcome (e.g. a certificate that expired since) is written, and nothing else is.
/// </summary>
public static class ContentHasher
{
    public static string Hash(ProductData data, ProductOutcome outcome, IReadOnlyList<ProductIssue> issues)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new HashInput(data, outcome, issues), JsonColumn.Options);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private sealed record HashInput(ProductData Data, ProductOutcome Outcome, IReadOnlyList<ProductIssue> Issues);
}
