using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Listings.Staff;
using Ocop.MarketSync.Sync.Operations;

namespace Ocop.MarketSync.Api.Dashboard;

/// <summary>
/// "Kênh bán": per channel its health (working, stopped with reason and since, disabled), listings by state, pushes
/// of the last 24 hours, the last reconciliation with its findings, and the buttons Đẩy ngay and Đối soát ngay; below
/// it, each channel's last push run that did something (what it created, updated, adopted, failed; calls; how long).
/// </summary>
internal sealed class ChannelsPage : ConsolePage
{
    protected override string Title => T.Raw("Channels.Title");

    protected override void Render()
    {
        var since = DateTime.UtcNow.AddHours(-24);
        var counts = Db.Listings.AsNoTracking().GroupBy(l => new { l.ChannelId, l.State })
            .Select(g => new { g.Key.ChannelId, g.Key.State, Count = g.Count() }).ToList();
        var stopped = Db.Alerts.AsNoTracking().Where(a => a.Kind == AlertKinds.ChannelStopped && a.ResolvedAt == null).ToDictionary(a => a.Subject);
        var pushes = Db.PushAttempts.AsNoTracking().Where(a => a.At >= since)
            .GroupBy(a => new { a.ChannelId, Ok = a.Result == "ok" })
            .Select(g => new { g.Key.ChannelId, g.Key.Ok, Count = g.Count(), Last = g.Max(a => a.At) }).ToList();
        var lastRuns = Db.ReconciliationRuns.AsNoTracking().Where(r => !r.RequestedBy.StartsWith("webhook"))
            .GroupBy(r => r.ChannelId).Select(g => g.Max(r => r.Id)).ToList();
        var runs = Db.ReconciliationRuns.AsNoTracking().Where(r => lastRuns.Contains(r.Id)).ToDictionary(r => r.ChannelId);
        var states = Enum.GetValues<ListingState>();
        var sheets = new Sheets.SheetStaffDesk(Http.RequestServices);
        WriteLiteral($"<h1 class=\"page-header\">{T["Channels.Title"]}</h1><table class=\"table\" id=\"channels\"><thead><tr><th>{T["Col.Channel"]}</th>"
            + $"<th>{T["Channels.Health"]}</th>");
        foreach (var state in states)
        {
            WriteLiteral($"<th>{T.State(state)}</th>");
        }

        WriteLiteral($"<th>{T["Col.LastPush"]}</th><th>{T["Channels.LastReconciliation"]}</th><th>{T["Col.Action"]}</th></tr></thead><tbody>");
        foreach (var channel in Channels.All)
        {
            var health = !channel.Enabled ? T["Channels.Disabled"]
                : stopped.TryGetValue(channel.Id, out var alert)
                    ? $"<span class=\"text-danger\">{T["Channels.Stopped"]}: {ConsoleText.Encode(alert.Reason)} <code>{ConsoleText.Encode(alert.Code)}</code> ({T.Time(alert.Since)})</span>"
                    : $"<span class=\"text-success\">{T["Channels.Ok"]}</span>";
            WriteLiteral($"<tr data-channel=\"{ConsoleText.Encode(channel.Id)}\"><td>{ConsoleText.Encode(channel.Id)} <span class=\"oc-muted\">{ConsoleText.Encode(channel.Marketplace)}</span>"
                + PendingSheet(sheets, channel.Id) + $"</td><td>{health}</td>");
            foreach (var state in states)
            {
                WriteLiteral($"<td>{ConsoleText.Number(counts.Where(c => c.ChannelId == channel.Id && c.State == state).Sum(c => c.Count))}</td>");
            }

            var ok = pushes.Where(p => p.ChannelId == channel.Id && p.Ok).Sum(p => p.Count);
            var failed = pushes.Where(p => p.ChannelId == channel.Id && !p.Ok).Sum(p => p.Count);
            var last = pushes.Where(p => p.ChannelId == channel.Id).Select(p => (DateTime?)p.Last).Max();
            WriteLiteral($"<td>{T.Time(last)}<br><span class=\"oc-muted\">{T.Format("Push.Last24h", ok, failed)}</span></td><td>");
            if (runs.TryGetValue(channel.Id, out var run))
            {
                var drifted = run.DriftedPrice + run.DriftedStock + run.DriftedContent + run.DriftedStatus;
                // Every count leads to the items behind it (ReconciliationPage).
                string Findings(string text, int count, ReconciliationFindingKind? kind) =>
                    $"<a href=\"{ConsoleText.Encode(ReconciliationPage.Link(Url, run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), kind))}\">{text} {ConsoleText.Number(count)}</a>";
                WriteLiteral($"{T.Time(run.FinishedAt ?? run.RequestedAt)} – {ConsoleText.Encode(run.Status.ToString())}<br><span class=\"oc-muted\">"
                    + Findings(T["Channels.Checked"], run.Checked, null) + ", " + Findings(T["Channels.Drifted"], drifted, ReconciliationFindingKind.Drifted) + ", "
                    + Findings(T["Channels.Missing"], run.Missing, ReconciliationFindingKind.Missing) + ", " + Findings(T.State(ListingState.Banned), run.Banned, ReconciliationFindingKind.Banned) + ", "
                    + Findings(T["Channels.Orphaned"], run.Orphaned, ReconciliationFindingKind.Orphaned) + "</span>");
            }
            else
            {
                WriteLiteral("—");
            }

            WriteLiteral("</td><td class=\"oc-actions\">");
            if (CanAct && channel.Enabled)
            {
                var field = $"<input type=\"hidden\" name=\"channel\" value=\"{ConsoleText.Encode(channel.Id)}\">";
                WriteLiteral(FormStart(StaffActionKinds.PushNow) + field + Button(StaffActionKinds.PushNow) + "</form> ");
                WriteLiteral(FormStart(StaffActionKinds.ReconcileNow) + field + Button(StaffActionKinds.ReconcileNow, "btn-default") + "</form>");
            }

            WriteLiteral("</td></tr>");
        }

        WriteLiteral("</tbody></table>");
        RenderLastPushRuns();
    }

    /// <summary>
    /// A sheet channel's rows waiting in its open sheet, linked to "Bảng tính tải lên sàn": on these floors nothing is
    /// live until staff upload the sheet, so the count belongs next to the channel. One store call per sheet channel,
    /// waited on (see <see cref="SheetsPage"/>).
    /// </summary>
    private string PendingSheet(Sheets.SheetStaffDesk sheets, string channelId)
    {
        if (!sheets.IsSheetChannel(channelId))
        {
            return string.Empty;
        }

        var open = sheets.Desk.ListSheetsAsync(channelId, Http.RequestAborted).GetAwaiter().GetResult()
            .FirstOrDefault(s => s.State == global::Ocop.MarketSync.Marketplaces.Sheets.Store.SheetState.Open);
        return $"<br><a class=\"sheet-pending\" data-rows=\"{ConsoleText.Number(open?.RowCount ?? 0)}\" href=\"{ConsoleText.Encode(Url.To(SheetsPage.Route))}\">"
            + T.Format("Sheets.Pending", open?.RowCount ?? 0) + "</a>";
    }

    /// <summary>
    /// One row per channel from <c>channel_push_runs</c>: the counts of the pusher's own summary, not a count of
    /// attempts, so "updated" and "adopted" mean what the job's line on Hangfire says.
    /// </summary>
    private void RenderLastPushRuns()
    {
        var runs = Db.ChannelPushRuns.AsNoTracking().ToDictionary(r => r.ChannelId);
        string[] columns = ["Push.At", "Push.Duration", "Push.Created", "Push.Updated", "Push.Adopted", "Push.Failed", "Push.Throttled", "Push.Deferred", "Push.Calls"];
        WriteLiteral($"<h2>{T["Channels.LastPushRuns"]}</h2><p class=\"oc-muted\">{T["Channels.LastPushNote"]}</p>"
            + $"<table class=\"table\" id=\"push-runs\"><thead><tr><th>{T["Col.Channel"]}</th>");
        foreach (var column in columns)
        {
            WriteLiteral($"<th>{T[column]}</th>");
        }

        WriteLiteral("</tr></thead><tbody>");
        foreach (var channel in Channels.All)
        {
            WriteLiteral($"<tr data-channel=\"{ConsoleText.Encode(channel.Id)}\"><td>{ConsoleText.Encode(channel.Id)}</td>");
            if (!runs.TryGetValue(channel.Id, out var run))
            {
                WriteLiteral($"<td colspan=\"{columns.Length}\" class=\"oc-muted\">{T["Push.None"]}</td></tr>");
                continue;
            }

            string Count(string name, int value, bool bad = false) =>
                $"<td data-count=\"{name}\"{(bad && value > 0 ? " class=\"text-danger\"" : string.Empty)}>{ConsoleText.Number(value)}</td>";
            WriteLiteral($"<td data-count=\"at\">{T.Time(run.FinishedAt)}</td><td data-count=\"duration\">{T.Duration(run.FinishedAt - run.StartedAt)}</td>"
                + Count("created", run.Created) + Count("updated", run.Updated) + Count("adopted", run.Adopted) + Count("failed", run.Failed, bad: true)
                + Count("throttled", run.Throttled) + Count("deferred", run.Deferred) + Count("calls", run.Calls) + "</tr>");
            if (run.StoppedBy is not null)
            {
                // A stopped run says why on its own line: the counts alone would read as "nothing happened".
                WriteLiteral($"<tr class=\"text-danger\" data-stopped=\"{ConsoleText.Encode(channel.Id)}\"><td></td><td colspan=\"{columns.Length}\">{T["Push.StoppedBy"]}: "
                    + $"{ConsoleText.Encode(run.StopReason)} <code>{ConsoleText.Encode(run.StoppedBy)}</code></td></tr>");
            }
        }

        WriteLiteral("</tbody></table>");
    }
}
