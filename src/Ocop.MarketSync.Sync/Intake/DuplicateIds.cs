using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Sync.Intake;

/// <summary>
/// The same registry id more than once in one page or file. The registry contract keeps the last occurrence, and so
/// do we, but never silently: the kept record carries a warning naming how often the id occurred, and the run
/// counts the records it dropped, so received = new + changed + unchanged + duplicates adds up.
/// </summary>
public static class DuplicateIds
{
    /// <param name="records">A page or batch, in the order received.</param>
    /// <param name="seenEarlier">Ids stored from earlier batches of the same file (updated here); null for a registry page.</param>
    /// <param name="where">"page" or "file", for the message.</param>
    /// <returns>The records, the kept duplicates with a warning added, and how many earlier occurrences were superseded.</returns>
    public static (IReadOnlyList<NormalizedRecord> Records, int Superseded) Mark(
        IReadOnlyList<NormalizedRecord> records, ISet<string>? seenEarlier, string where)
    {
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (record.RegistryId is { } id)
            {
                occurrences[id] = occurrences.GetValueOrDefault(id) + (seenEarlier?.Contains(id) == true && !occurrences.ContainsKey(id) ? 2 : 1);
            }
        }

        var superseded = occurrences.Values.Sum(n => n - 1);
        if (superseded == 0)
        {
            seenEarlier?.UnionWith(occurrences.Keys);
            return (records, 0);
        }

        var lastIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].RegistryId is { } id)
            {
                lastIndex[id] = i;
            }
        }

        var marked = new List<NormalizedRecord>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (record.RegistryId is { } id && occurrences[id] > 1 && lastIndex[id] == i)
            {
                var warning = new ProductIssue(IssueCodes.RegistryIdDuplicate,
                    $"registry id {id} occurs {occurrences[id]} times in this {where}; the last occurrence is kept", IssueSeverity.Warning);
                record = record with { Issues = [.. record.Issues, warning] };
            }

            marked.Add(record);
        }

        seenEarlier?.UnionWith(occurrences.Keys);
        return (marked, superseded);
    }
}
