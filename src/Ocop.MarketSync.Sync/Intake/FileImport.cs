using Microsoft.Extensions.Logging;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Registry.Files;
using Ocop.MarketSync.Registry.Records;

namespace Ocop.MarketSync.Sync.Intake;

/// <summary>
/// Imports a registry export file (JSON or CSV) through exactly the validation and writer the API pull uses.
/// Records are stored in batches as they stream in, so a fault late in a large file keeps what came before.
/// </summary>
public sealed class FileImport(
    ProductNormalizer normalizer,
    ProductWriter writer,
    IntakeRunRecorder runs,
    IntakeClock clock,
    Ocop.MarketSync.Sync.Jobs.IRunLocks locks,
    ILogger<FileImport> logger)
{
    private const int BatchSize = 500;

    /// <param name="progress">Called after each stored batch with the number of records read so far.</param>
    public async Task<ImportSummary> ImportAsync(
        Stream stream, RegistryFileFormat format, string sourceName, Action<int>? progress, CancellationToken cancellationToken)
    {
        // One import per source at a time (on PostgreSQL across processes): a run still marked Running for the
        // source can then only be an interrupted one, which StartAsync marks failed.
        await using var held = await locks.TryAcquireAsync($"import:{sourceName}", TimeSpan.FromSeconds(5), cancellationToken)
            ?? throw new InvalidOperationException($"Another import of '{sourceName}' is running; try again when it has finished.");
        var run = await runs.StartAsync(IntakeRunKind.FileImport, sourceName, null, cancellationToken);
        var summary = new ImportSummary();
        var batch = new List<NormalizedRecord>(BatchSize);
        try
        {
            await foreach (var record in RegistryFileReader.ReadAsync(stream, format, cancellationToken))
            {
                batch.Add(Normalize(record, summary));
                if (batch.Count == BatchSize)
                {
                    await StoreAsync(run, batch, progress, summary, cancellationToken);
                }
            }

            await StoreAsync(run, batch, progress, summary, cancellationToken);
            await runs.FinishAsync(run, IntakeRunStatus.Succeeded, cancellationToken);
        }
        catch (RegistryFileException ex)
        {
            await StoreAsync(run, batch, progress, summary, cancellationToken);
            summary.FileError = ex.Message;
            logger.LogError("Import of {Source} stopped: {Reason}", sourceName, ex.Message);
            await runs.FailAsync(run, ex, cancellationToken);
        }

        return summary;
    }

    private NormalizedRecord Normalize(RegistryRecord record, ImportSummary summary)
    {
        var normalized = normalizer.Normalize(record, clock.Today);
        summary.Count(normalized);
        return normalized;
    }

    private async Task StoreAsync(
        Data.Entities.IntakeRun run, List<NormalizedRecord> batch, Action<int>? progress, ImportSummary summary,
        CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        // Ids of earlier batches count too: a file is one snapshot, so a second record for an id is always a duplicate.
        var (records, earlier) = DuplicateIds.Mark(batch, summary.StoredIds, "file");
        var result = await writer.WritePageAsync(records, cursor: null, cancellationToken);
        result = result with { Duplicates = earlier };
        runs.AddPage(run, records, result, cursor: null);
        summary.Duplicates += earlier;
        summary.Inserted += result.Inserted;
        summary.Updated += result.Updated;
        summary.Unchanged += result.Unchanged;
        batch.Clear();
        progress?.Invoke(summary.Read);
    }
}

/// <summary>What an import did, with the reasons behind every ineligible or quarantined record.</summary>
public sealed class ImportSummary
{
    public int Read { get; private set; }
    public int Eligible { get; private set; }
    public int Ineligible { get; private set; }
    public int Quarantined { get; private set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }

    /// <summary>Records superseded by a later record with the same registry id (the later one is stored, with a warning).</summary>
    public int Duplicates { get; set; }

    internal HashSet<string> StoredIds { get; } = new(StringComparer.Ordinal);

    /// <summary>Why the file could not be read to its end, if it could not.</summary>
    public string? FileError { get; set; }

    /// <summary>Per outcome, how many records each issue code affected (only issues that decided the outcome).</summary>
    public SortedDictionary<string, int> Reasons { get; } = new(StringComparer.Ordinal);

    /// <summary>One example message per issue code, for the printed summary.</summary>
    public Dictionary<string, string> Examples { get; } = new(StringComparer.Ordinal);

    internal void Count(NormalizedRecord record)
    {
        Read++;
        switch (record.Outcome)
        {
            case ProductOutcome.Eligible:
                Eligible++;
                return;
            case ProductOutcome.Ineligible:
                Ineligible++;
                break;
            case ProductOutcome.Quarantined:
                Quarantined++;
                break;
            default:
                throw new InvalidOperationException($"Unknown outcome {record.Outcome}.");
        }

        var deciding = record.Outcome == ProductOutcome.Quarantined ? IssueSeverity.Quarantine : IssueSeverity.Ineligible;
        foreach (var issue in record.Issues.Where(i => i.Severity == deciding))
        {
            Reasons[issue.Code] = Reasons.GetValueOrDefault(issue.Code) + 1;
            Examples.TryAdd(issue.Code, $"{ProductWriter.StorageId(record)}: {issue.Message}");
        }
    }
}
