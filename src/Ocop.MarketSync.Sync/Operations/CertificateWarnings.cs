using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Telemetry;

namespace Ocop.MarketSync.Sync.Operations;

/// <summary>
/// Warnings to producers that a certificate ends soon. Recorded once per product, certificate end date and lead
/// time (a renewed certificate has a new end date, so its warnings start over), then delivered to every
/// <see cref="INotifier"/> until all have accepted.
/// </summary>
public sealed class CertificateWarnings(
    MarketSyncDbContext db,
    IEnumerable<INotifier> notifiers,
    IntakeClock clock,
    IOptions<CertificateOptions> options,
    ILogger<CertificateWarnings> logger)
{
    private const int MaxAttempts = 20;

    /// <summary>
    /// Records, for each eligible product, the warning of the shortest lead time it has reached. Only that one: a
    /// certificate first seen 100 days before its end gets the 120-day warning, not the 180-day one as well.
    /// </summary>
    /// <returns>How many warnings were recorded.</returns>
    public async Task<int> RecordDueAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var leads = options.Value.WarnDaysBefore.Where(d => d > 0).Distinct().Order().ToArray();
        if (leads.Length == 0)
        {
            return 0;
        }

        var horizon = today.AddDays(leads[^1]);
        var due = new List<CertificateWarning>();
        await foreach (var product in db.Products.AsNoTracking()
            .Where(p => p.Outcome == ProductOutcome.Eligible && p.RetiredAt == null)
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (product.Data.Certificate?.ValidUntil is not { } until || until < today || until > horizon)
            {
                continue;
            }

            var daysLeft = until.DayNumber - today.DayNumber;
            var lead = leads.First(l => daysLeft <= l);
            due.Add(new CertificateWarning { ProductId = product.Id, RegistryId = product.RegistryId, ValidUntil = until, LeadDays = lead });
        }

        var productIds = due.Select(w => w.ProductId).ToList();
        var existing = (await db.CertificateWarnings.AsNoTracking()
                .Where(w => productIds.Contains(w.ProductId))
                .Select(w => new { w.ProductId, w.ValidUntil, w.LeadDays })
                .ToListAsync(cancellationToken))
            .Select(w => (w.ProductId, w.ValidUntil, w.LeadDays))
            .ToHashSet();
        var now = clock.UtcNow;
        var added = 0;
        foreach (var warning in due.Where(w => !existing.Contains((w.ProductId, w.ValidUntil, w.LeadDays))))
        {
            warning.CreatedAt = now;
            db.CertificateWarnings.Add(warning);
            added++;
            MarketSyncTelemetry.CertificateWarnings.Add(1, new KeyValuePair<string, object?>("lead_days", warning.LeadDays));
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return added;
    }

    /// <returns>How many warnings every notifier accepted in this call.</returns>
    public async Task<int> DeliverPendingAsync(CancellationToken cancellationToken)
    {
        var pending = await db.CertificateWarnings
            .Where(w => w.NotifiedAt == null && w.Attempts < MaxAttempts)
            .OrderBy(w => w.Id)
            .Take(1000)
            .ToListAsync(cancellationToken);
        var ids = pending.Select(w => w.ProductId).ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var sent = 0;
        foreach (var warning in pending)
        {
            var notice = NoticeFor(warning, products.GetValueOrDefault(warning.ProductId), clock.Today);
            var errors = new List<string>();
            foreach (var notifier in notifiers)
            {
                try
                {
                    await notifier.NotifyAsync(notice, cancellationToken);
                }
                catch (NotificationException ex)
                {
                    errors.Add($"{notifier.Name}: {ex.Message}");
                }
            }

            warning.Attempts++;
            if (errors.Count == 0)
            {
                warning.NotifiedAt = clock.UtcNow;
                warning.LastError = null;
                sent++;
            }
            else
            {
                warning.LastError = string.Join("; ", errors);
                logger.LogWarning("Certificate warning {Key} not delivered: {Error}", notice.Key, warning.LastError);
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        return sent;
    }

    public static Notice NoticeFor(CertificateWarning warning, Product? product, DateOnly today)
    {
        var name = product?.Data.Name;
        var until = warning.ValidUntil.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var daysLeft = warning.ValidUntil.DayNumber - today.DayNumber;
        return new Notice(
            "certificate.expiring",
            string.Create(CultureInfo.InvariantCulture, $"certificate-expiring:{warning.RegistryId}:{warning.ValidUntil:yyyy-MM-dd}:{warning.LeadDays}"),
            warning.RegistryId,
            name,
            product?.Data.Producer?.Name,
            string.Create(CultureInfo.InvariantCulture,
                $"Giấy chứng nhận OCOP của sản phẩm \"{name ?? warning.RegistryId}\" hết hiệu lực sau ngày {until} (còn {daysLeft} ngày). Vui lòng làm thủ tục đánh giá lại để sản phẩm tiếp tục được bán trên sàn."),
            new Dictionary<string, object?>
            {
                ["validUntil"] = warning.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["daysLeft"] = daysLeft,
                ["leadDays"] = warning.LeadDays,
                ["ocopCode"] = product?.Data.OcopCode,
            });
    }
}
