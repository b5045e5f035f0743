using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Sync.Operations;

/// <summary>The kinds of <see cref="OperationalAlert"/>.</summary>
public static class AlertKinds
{
    /// <summary>A channel cannot push: misconfigured, authorisation gone, signature refused. Subject: the channel id.</summary>
    public const string ChannelStopped = "channel.stopped";

    /// <summary>A full pull would have retired too many products and retired none. Subject: the registry source.</summary>
    public const string IntakeGuard = "intake.guard";

    /// <summary>Every pull has failed for longer than <c>Intake:UnreachableAlertAfter</c>. Subject: the registry source.</summary>
    public const string RegistryUnreachable = "registry.unreachable";

    public static IReadOnlyList<string> All { get; } = [ChannelStopped, IntakeGuard, RegistryUnreachable];
}

/// <summary>
/// Raises and resolves <see cref="OperationalAlert"/>s. Callers report the condition every time they see it (each
/// push run of a stopped channel, each failed pull); this keeps one open alert per kind and subject and sends each
/// transition — raised, resolved — once through every notifier, retrying an undelivered notice the next time the
/// condition is reported. So a channel stopped for a day is one alert and two notices, not a log line a minute.
/// </summary>
public sealed class OperationalAlerts(
    MarketSyncDbContext db,
    IEnumerable<INotifier> notifiers,
    TimeProvider time,
    ILogger<OperationalAlerts> logger)
{
    public const string ResolvedSuffix = ".resolved";

    /// <summary>Reports that the condition holds now; raises the alert if none is open.</summary>
    /// <param name="since">When the condition began, if the caller knows better than "now".</param>
    public async Task RaiseAsync(string kind, string subject, string code, string reason, DateTime? since, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        reason = reason.Length > 2000 ? reason[..2000] : reason;
        var open = await OpenAsync(kind, subject, cancellationToken);
        if (open is null)
        {
            open = new OperationalAlert
            {
                Kind = kind, Subject = subject, Code = code, Reason = reason,
                Since = since ?? now, RaisedAt = now, LastSeenAt = now,
            };
            db.Alerts.Add(open);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another node raised it a moment ago (one open alert per kind and subject): theirs stands.
                db.Entry(open).State = EntityState.Detached;
                return;
            }
        }
        else
        {
            open.LastSeenAt = now;
            open.Code = code;
            open.Reason = reason;
            await db.SaveChangesAsync(cancellationToken);
        }

        if (open.RaiseNotifiedAt is null && await DeliverAsync(open, resolved: false, cancellationToken))
        {
            open.RaiseNotifiedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    /// <summary>Reports that the condition no longer holds; resolves the open alert, if any, and sends what is owed.</summary>
    public async Task ResolveAsync(string kind, string subject, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (await OpenAsync(kind, subject, cancellationToken) is { } open)
        {
            open.ResolvedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        var owed = await db.Alerts
            .Where(a => a.Kind == kind && a.Subject == subject && a.ResolvedAt != null && a.ResolveNotifiedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var alert in owed)
        {
            // Nobody heard of an alert whose raise was never delivered: its resolution is nothing to tell.
            if (alert.RaiseNotifiedAt is null || await DeliverAsync(alert, resolved: true, cancellationToken))
            {
                alert.ResolveNotifiedAt = time.GetUtcNow().UtcDateTime;
            }
        }

        if (owed.Count > 0)
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    /// <summary>Every open alert, newest first.</summary>
    public Task<List<OperationalAlert>> AllOpenAsync(CancellationToken cancellationToken) =>
        db.Alerts.AsNoTracking().Where(a => a.ResolvedAt == null).OrderByDescending(a => a.Id).ToListAsync(cancellationToken);

    public static Notice NoticeFor(OperationalAlert alert, bool resolved)
    {
        var (vi, en) = Describe(alert, resolved);
        var transition = resolved ? "resolved" : "raised";
        return new Notice(
            resolved ? alert.Kind + ResolvedSuffix : alert.Kind,
            string.Create(CultureInfo.InvariantCulture, $"alert:{alert.Id}:{transition}"),
            RegistryId: null,
            ProductName: null,
            Producer: null,
            vi,
            new Dictionary<string, object?>
            {
                ["subject"] = alert.Subject,
                ["code"] = alert.Code,
                ["reason"] = alert.Reason,
                ["since"] = alert.Since,
                ["raisedAt"] = alert.RaisedAt,
                ["resolvedAt"] = alert.ResolvedAt,
                ["messageEn"] = en,
            });
    }

    private static (string Vi, string En) Describe(OperationalAlert a, bool resolved) => (a.Kind, resolved) switch
    {
        (AlertKinds.ChannelStopped, false) => (
            $"Kênh {a.Subject} đã ngừng đẩy hàng ({a.Code}): {a.Reason}. Cần người xử lý; các kênh khác vẫn chạy.",
            $"Channel {a.Subject} stopped pushing ({a.Code}): {a.Reason}. A person must fix it; the other channels keep working."),
        (AlertKinds.ChannelStopped, true) => (
            $"Kênh {a.Subject} đã đẩy hàng trở lại.",
            $"Channel {a.Subject} is pushing again."),
        (AlertKinds.RegistryUnreachable, false) => (
            $"Không kết nối được hệ thống OCOP ({a.Subject}) từ {a.Since:dd/MM/yyyy HH:mm} UTC: {a.Reason}",
            $"The OCOP registry ({a.Subject}) has been unreachable since {a.Since:yyyy-MM-dd HH:mm} UTC: {a.Reason}"),
        (AlertKinds.RegistryUnreachable, true) => (
            $"Đã kết nối lại được hệ thống OCOP ({a.Subject}).",
            $"The OCOP registry ({a.Subject}) is reachable again."),
        (AlertKinds.IntakeGuard, false) => (
            $"Lần tải đầy đủ từ {a.Subject} đã dừng việc gỡ sản phẩm: {a.Reason}",
            $"The full pull of {a.Subject} retired nothing: {a.Reason}"),
        (AlertKinds.IntakeGuard, true) => (
            $"Lần tải đầy đủ từ {a.Subject} đã chạy bình thường trở lại.",
            $"A full pull of {a.Subject} succeeded again."),
        _ => (a.Reason, a.Reason),
    };

    private Task<OperationalAlert?> OpenAsync(string kind, string subject, CancellationToken cancellationToken) =>
        db.Alerts.FirstOrDefaultAsync(a => a.Kind == kind && a.Subject == subject && a.ResolvedAt == null, cancellationToken);

    /// <returns>True when every notifier accepted the notice.</returns>
    private async Task<bool> DeliverAsync(OperationalAlert alert, bool resolved, CancellationToken cancellationToken)
    {
        var notice = NoticeFor(alert, resolved);
        var delivered = true;
        foreach (var notifier in notifiers)
        {
            try
            {
                await notifier.NotifyAsync(notice, cancellationToken);
            }
            catch (NotificationException ex)
            {
                delivered = false;
                logger.LogWarning("Alert notice {Key} not delivered through {Notifier}: {Error}; it is sent again when the condition is next reported",
                    notice.Key, notifier.Name, ex.Message);
            }
        }

        return delivered;
    }
}
