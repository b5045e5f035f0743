using Ocop.MarketSync.Registry.Records;

namespace Ocop.MarketSync.Registry;

/// <summary>The port to an OCOP registry (see docs/registry-api.yaml for the contract a registry implements).</summary>
public interface IRegistryClient
{
    /// <summary>
    /// Reads one page of products changed since <paramref name="cursor"/> (null: from the beginning).
    /// Each item is read on its own, so a record with wrong types comes back with field errors instead of
    /// failing the page.
    /// </summary>
    /// <exception cref="RegistryPageException">The page could not be had or read (HTTP error, timeout, malformed JSON).</exception>
    Task<RegistryPage> GetChangesAsync(string? cursor, int limit, CancellationToken cancellationToken);
}

/// <param name="Items">Records in change order.</param>
/// <param name="NextCursor">Where the next call starts; store it only after the items are stored.</param>
/// <param name="HasMore">Whether another page is waiting now.</param>
public sealed record RegistryPage(IReadOnlyList<RegistryRecord> Items, string? NextCursor, bool HasMore);
