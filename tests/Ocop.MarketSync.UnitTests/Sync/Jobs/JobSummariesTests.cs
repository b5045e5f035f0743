using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Jobs;
using Ocop.MarketSync.Sync.Marketplaces.Webhooks;
using Ocop.MarketSync.Sync.Operations;

namespace Ocop.MarketSync.UnitTests.Sync.Jobs;

/// <summary>The lines jobs return for Hangfire's job page: counts a person can read without the logs.</summary>
public sealed class JobSummariesTests
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [Fact]
    public void WriteBack_SaysWhatWasConfirmedAndWhatWaits()
    {
        Assert.Equal("The registry confirmed 12 listing change(s); 3 still waiting (sent again after their backoff).", JobSummaries.WriteBack(12, 3));
        Assert.Equal("Nothing to write back: the registry has every listing change.", JobSummaries.WriteBack(0, 0));
        Assert.Contains("WriteBack:Enabled=false", JobSummaries.WriteBackOff, StringComparison.Ordinal);
    }

    [Fact]
    public void CertificateExpiry_SaysTheDayAndEveryCount()
    {
        var result = new CertificateExpiryResult(new DateOnly(2026, 12, 6)) { ListingsChanged = 4, DelistedForCertificate = 2, WarningsCreated = 5, WarningsSent = 3 };
        Assert.Equal("06/12/2026: 4 listing(s) replanned, 2 product(s) with an ended or revoked certificate, 5 expiry warning(s) recorded, 3 sent to producers.",
            JobSummaries.Of(result));
    }

    [Fact]
    public void AuditPurge_SaysTheCutOffInLocalTimeAndWhatWasDeleted()
    {
        var before = new DateTime(2026, 9, 7, 19, 30, 0, DateTimeKind.Utc); // 02:30 on the 8th in Hà Nội
        Assert.Equal("Deleted the audit trail older than 90 day(s) (before 08/09/2026 02:30): 1200 push attempt(s), 40 sent write-back(s), 3 reconciliation run(s).",
            JobSummaries.AuditPurge(90, before, Zone, 1200, 40, 3));
    }

    [Fact]
    public void Hint_SaysWhatTheWebhookLedTo()
    {
        var kind = Enum.GetValues<MarketplaceHintKind>().First(k => k != MarketplaceHintKind.AuthorizationExpiring);
        Assert.StartsWith("Authorisation of shopee-1 expiring", JobSummaries.Hint(MarketplaceHintKind.AuthorizationExpiring, "shopee-1", null, null), StringComparison.Ordinal);
        Assert.EndsWith("names no item: the nightly reconciliation covers it.", JobSummaries.Hint(kind, "shopee-1", null, null), StringComparison.Ordinal);
        Assert.EndsWith("item 987 on shopee-1 is not one of our listings; nothing to reconcile.", JobSummaries.Hint(kind, "shopee-1", "987", null), StringComparison.Ordinal);

        var run = new ReconciliationRun { ChannelId = "shopee-1", RequestedBy = "webhook", Status = ReconciliationStatus.Succeeded, Checked = 1, DriftedPrice = 1 };
        Assert.Equal($"Webhook {kind}, item 987: Succeeded: checked 1, in sync 0; drift price 1, stock 0, content 0, status 0; missing 0, banned 0, orphaned 0.",
            JobSummaries.Hint(kind, "shopee-1", "987", run));
    }
}
