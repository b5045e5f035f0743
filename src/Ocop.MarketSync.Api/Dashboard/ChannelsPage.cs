using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Listings.Staff;
using Ocop.MarketSync.Sync.Operations;

namespace Ocop.MarketSync.Api.Dashboard;

/// <summary>
/// "Kênh bán": per channel its health (working, stopped with reason and since, disabled), listings by state, pushes
/// of the last 24 hours, the last reconciliation with its findings, and the buttons Đẩy ngay and Đối soát ngay.
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
            WriteLiteral($"<tr data-channel=\"{ConsoleText.Encode(channel.Id)}\"><td>{ConsoleText.Encode(channel.Id)} <span class=\"oc-muted\">{ConsoleText.Encode(channel.Marketplace)}</span></td><td>{health}</td>");
            foreach (var state in states)
            {
                WriteLiteral($"<td>{ConsoleText.Number(counts.Where(c => c.ChannelId == channel.Id && c.State == state).Sum(c => c.Count))}</td>");
            }

            var ok = pushes.Where(p => p.ChannelId == channel.Id && p.Ok).Sum(p => p.Count);
            var failed = pushes.Where(p => p.ChannelId == channel.Id && !p.Ok).Sum(p => p.Count);
            var last = pushes.Where(p => p.ChannelId == channel.Id).Select(p => (DateTime?)p.Last).Max();
            WriteLiteral($"<td>{T.Time(last)}<br><span class=\"oc-muted\">24h: {ConsoleText.Number(ok)} ok, {ConsoleText.Number(failed)} ✗</span></td><td>");
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
    }
}
