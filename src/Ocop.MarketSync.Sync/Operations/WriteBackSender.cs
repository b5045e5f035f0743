using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Registry;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Jobs;
using Ocop.MarketSync.Sync.Listings.Push;

namespace Ocop.MarketSync.Sync.Operations;

/// <summary>
/// <c>write-back</c>: sends the outbox of listing changes to the registry in batches, oldest first. A batch that
/// fails waits with backoff and is sent again whole; the registry applies each key once, so a lost answer costs a
/// duplicate request, never a duplicate change. One sender across nodes.
/// </summary>
public sealed class WriteBackJob(
    MarketSyncDbContext db,
    IRegistryWriteBack registry,
    ExclusiveRun exclusive,
    IntakeClock clock,
    IOptions<WriteBackOptions> options,
    ILogger<WriteBackJob> logger)
{
    private readonly Random _random = new();

    [JobDisplayName("Write listing changes back to the registry")]
    [AutomaticRetry(Attempts = 0)]
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return JobSummaries.WriteBackOff;
        }

        var confirmed = 0;
        var ran = await exclusive.RunAsync("write-back", async () => confirmed += await SendDueAsync(cancellationToken));

        // Hangfire shows the returned line on the job's page: what was sent, and what still waits.
        return ran ? JobSummaries.WriteBack(confirmed, await db.WriteBacks.CountAsync(w => w.SentAt == null, CancellationToken.None)) : JobSummaries.Skipped;
    }

    /// <summary>The codes with both texts, so the registry can show the producer why in either language.</summary>
    private static IReadOnlyList<WriteBackReason>? Reasons(Data.Entities.WriteBack change) =>
        change.ReasonCodes is not { Length: > 0 } codes
            ? null
            : [.. codes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(code => new WriteBackReason(code,
                Texts.ReasonTexts.Message(code, Texts.ReasonTexts.Vietnamese, code), Texts.ReasonTexts.Message(code, Texts.ReasonTexts.English, code)))];

    /// <returns>How many changes the registry confirmed.</returns>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var confirmedTotal = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = clock.UtcNow;
            var due = await db.WriteBacks
                .Where(w => w.SentAt == null && (w.NextAttemptAt == null || w.NextAttemptAt <= now))
                .OrderBy(w => w.Id)
                .Take(options.Value.BatchSize)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                break;
            }

            var items = due.Select(w => new WriteBackItem(w.Key, w.RegistryId, w.ChannelId, w.Marketplace, w.Url, w.State, w.Reason,
                new DateTimeOffset(DateTime.SpecifyKind(w.At, DateTimeKind.Utc)), Reasons(w))).ToList();
            IReadOnlySet<string>? confirmed = null;
            string? error = null;
            try
            {
                confirmed = await registry.SendAsync(items, cancellationToken);
            }
            catch (RegistryWriteBackException ex)
            {
                error = ex.Message;
            }

            now = clock.UtcNow;
            var failed = 0;
            foreach (var change in due)
            {
                if (confirmed?.Contains(change.Key) == true)
                {
                    change.SentAt = now;
                    change.LastError = null;
                    confirmedTotal++;
                    continue;
                }

                failed++;
                change.Attempts++;
                change.LastError = error ?? "the registry did not confirm this key";
                change.NextAttemptAt = now + RetryPolicy.Backoff(change.Attempts, _random);
            }

            await db.SaveChangesAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            if (failed > 0)
            {
                logger.LogWarning("Write-back: {Failed} of {Count} change(s) not confirmed ({Error}); they are sent again later",
                    failed, due.Count, error ?? "not confirmed");
                break;
            }
        }

        if (confirmedTotal > 0)
        {
            logger.LogInformation("Write-back: the registry confirmed {Count} listing change(s)", confirmedTotal);
        }

        return confirmedTotal;
    }
}
