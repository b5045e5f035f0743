using System.Globalization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Jobs;
using Ocop.MarketSync.Sync.Listings.Planning;

namespace Ocop.MarketSync.Sync.Operations;

/// <summary>
/// <c>certificate-expiry</c>, daily at midnight Asia/Ho_Chi_Minh: every channel is planned for the new day (a
/// certificate whose last day has ended, or whose revocation takes effect today, loses its listing with the
/// reason), the changed channels are pushed at once, and producers are warned ahead of the end.
/// </summary>
public sealed class CertificateExpiryJob(
    MarketSyncDbContext db,
    PlanningPass planning,
    CertificateWarnings warnings,
    ExclusiveRun exclusive,
    IntakeClock clock,
    ILogger<CertificateExpiryJob> logger)
{
    [JobDisplayName("Certificate expiry: delist ended certificates, warn producers")]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [60, 300, 900])]
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        CertificateExpiryResult? result = null;
        var ran = await exclusive.RunAsync("certificate-expiry", async () => result = await RunNowAsync(cancellationToken), rerun: false);
        return ran && result is not null ? JobSummaries.Of(result) : JobSummaries.Skipped;
    }

    public async Task<CertificateExpiryResult> RunNowAsync(CancellationToken cancellationToken)
    {
        var result = new CertificateExpiryResult(clock.Today);
        // The planner replans everything on a new day; the pass pushes what it changed now, not at the next minute.
        var plan = await planning.RunAsync(cancellationToken);
        result.ListingsChanged += plan.Changed;

        var today = clock.Today;
        result.DelistedForCertificate = await CountEndedAsync(today, cancellationToken);
        result.WarningsCreated = await warnings.RecordDueAsync(today, cancellationToken);
        result.WarningsSent = await warnings.DeliverPendingAsync(cancellationToken);
        logger.LogInformation(
            "Certificate expiry for {Today}: {Changed} listing(s) replanned, {Ended} product(s) with an ended or revoked certificate, {Created} warning(s) recorded, {Sent} sent",
            today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), result.ListingsChanged, result.DelistedForCertificate, result.WarningsCreated, result.WarningsSent);
        return result;
    }

    /// <summary>Eligible products whose certificate has ended or been revoked as of today (for the log and the result).</summary>
    private async Task<int> CountEndedAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var product in db.Products.AsNoTracking().Where(p => p.Outcome == ProductOutcome.Eligible && p.RetiredAt == null)
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var certificate = product.Data.Certificate;
            count += certificate?.ValidUntil < today || certificate?.Revocation?.RevokedOn <= today ? 1 : 0;
        }

        return count;
    }
}

public sealed class CertificateExpiryResult(DateOnly today)
{
    public DateOnly Today { get; } = today;
    public int ListingsChanged { get; set; }
    public int DelistedForCertificate { get; set; }
    public int WarningsCreated { get; set; }
    public int WarningsSent { get; set; }
}
