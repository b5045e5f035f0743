using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Listings.Staff;
using Ocop.MarketSync.Sync.Operations;

namespace Ocop.MarketSync.Api.Dashboard;

/// <summary>
/// "Cần xử lý": everything a person must act on, newest first, each with its action: held prices per product (old →
/// new, % change, every channel) with Duyệt giá / Giữ giá cũ; refused and failing listings with the marketplace's
/// message and Thử lại; banned items with their marketplace page; stopped channels with what to do. A row leaves the
/// page once resolved, because the page shows the current state only.
/// </summary>
internal sealed class AttentionPage : ConsolePage
{
    private const int MaxRows = 200;

    protected override string Title => T.Raw("Attention.Title");

    protected override void Render()
    {
        WriteLiteral($"<h1 class=\"page-header\">{T["Attention.Title"]}</h1>");
        var listings = Db.Listings.AsNoTracking()
            .Where(l => l.State == ListingState.Rejected || l.State == ListingState.Failing || l.State == ListingState.Banned
                || l.HeldPriceVnd != null)
            .OrderByDescending(l => l.UpdatedAt).Take(MaxRows * 3).ToList();
        var stopped = Db.Alerts.AsNoTracking().Where(a => a.Kind == AlertKinds.ChannelStopped && a.ResolvedAt == null).OrderByDescending(a => a.Since).ToList();
        var held = listings.Where(l => l.Desired.HeldPriceVnd is not null).ToList();
        var failing = listings.Where(l => l.State is ListingState.Rejected or ListingState.Failing).Take(MaxRows).ToList();
        var banned = listings.Where(l => l.State == ListingState.Banned).Take(MaxRows).ToList();
        if (held.Count + failing.Count + banned.Count + stopped.Count == 0)
        {
            WriteLiteral($"<p id=\"attention-empty\">{T["Attention.Empty"]}</p>");
            return;
        }

        WriteChannels(stopped);
        WritePrices(held);
        WriteFailures(failing);
        WriteBanned(banned);
    }

    private void WriteChannels(List<OperationalAlert> stopped)
    {
        if (stopped.Count == 0)
        {
            return;
        }

        WriteLiteral($"<h3>{T["Attention.Channels"]}</h3><table class=\"table\" id=\"attention-channels\"><thead><tr><th>{T["Col.Channel"]}</th>"
            + $"<th>{T["Col.Reason"]}</th><th>{T["Col.Since"]}</th><th>{T["Col.Action"]}</th></tr></thead><tbody>");
        foreach (var alert in stopped)
        {
            var help = alert.Code is "AuthExpired" or "NeedsReauth" or "AuthRevoked"
                ? $"{T["Attention.ReauthHelp"]} <code>channel authorize {ConsoleText.Encode(alert.Subject)} --code …</code>"
                : $"{T["Attention.ConfigHelp"]} <code>Channels:{ConsoleText.Encode(alert.Subject)}</code>)";
            WriteLiteral($"<tr><td>{ConsoleText.Encode(alert.Subject)}</td><td>{ConsoleText.Encode(alert.Reason)} <code>{ConsoleText.Encode(alert.Code)}</code></td>"
                + $"<td>{T.Time(alert.Since)}</td><td>{help}</td></tr>");
        }

        WriteLiteral("</tbody></table>");
    }

    /// <summary>One row per product: one decision applies to all its channels (a registry price is the same everywhere).</summary>
    private void WritePrices(List<Listing> held)
    {
        if (held.Count == 0)
        {
            return;
        }

        WriteLiteral($"<h3>{T["Attention.Prices"]}</h3>");
        if (CanAct)
        {
            WriteLiteral(FormStart(StaffActionKinds.ApprovePrice, T.Raw("Attention.ConfirmApprove"), "bulk-approve")
                + $"<button type=\"submit\" class=\"btn btn-sm btn-success\" id=\"bulk-approve-button\">{T["Attention.BulkApprove"]}</button></form>");
        }

        WriteLiteral($"<table class=\"table\" id=\"attention-prices\"><thead><tr><th></th><th>{T["Col.Product"]}</th><th>{T["Col.OldPrice"]}</th>"
            + $"<th>{T["Col.NewPrice"]}</th><th>{T["Col.Change"]}</th><th>{T["Col.Channels"]}</th><th>{T["Col.Action"]}</th></tr></thead><tbody>");
        foreach (var product in held.GroupBy(l => l.RegistryId).Take(MaxRows))
        {
            var first = product.First();
            var old = first.Desired.PriceVnd;
            var asked = first.Desired.HeldPriceVnd!.Value;
            var change = old == 0 ? 0 : (asked - old) * 100m / old;
            var id = ConsoleText.Encode(product.Key);
            var select = CanAct ? $"<input type=\"checkbox\" name=\"product\" value=\"{id}\" form=\"bulk-approve\" aria-label=\"{id}\">" : string.Empty;
            WriteLiteral($"<tr data-product=\"{id}\"><td>{select}</td><td>{ProductLink(product.Key)} – {ConsoleText.Encode(first.Desired.Title)}</td>"
                + (first.Desired.Active
                    ? $"<td class=\"oc-money\">{ConsoleText.Money(old)}</td><td class=\"oc-money\">{ConsoleText.Money(asked)}</td><td>{ConsoleText.Percent(change)}</td>"
                    // Held before it was ever listed (above the channel's ceiling): there is no old price to compare.
                    : $"<td>{T["Attention.NotListedYet"]}</td><td class=\"oc-money\">{ConsoleText.Money(asked)}</td><td>–</td>")
                + $"<td>{ConsoleText.Encode(string.Join(", ", product.Select(l => l.ChannelId).Order(StringComparer.Ordinal)))}</td><td class=\"oc-actions\">");
            if (CanAct)
            {
                WriteLiteral(FormStart(StaffActionKinds.ApprovePrice) + $"<input type=\"hidden\" name=\"product\" value=\"{id}\">" + Button(StaffActionKinds.ApprovePrice, "btn-success") + "</form> ");
                WriteLiteral(FormStart(StaffActionKinds.KeepPrice, T.Raw("Attention.ConfirmKeep")) + $"<input type=\"hidden\" name=\"product\" value=\"{id}\">" + Button(StaffActionKinds.KeepPrice, "btn-default") + "</form>");
            }

            WriteLiteral("</td></tr>");
        }

        WriteLiteral("</tbody></table>");
    }

    private void WriteFailures(List<Listing> failing)
    {
        if (failing.Count == 0)
        {
            return;
        }

        WriteLiteral($"<h3>{T["Attention.Failures"]}</h3>");
        if (CanAct)
        {
            WriteLiteral(FormStart(StaffActionKinds.Retry, T.Raw("Attention.ConfirmRetry"), "bulk-retry")
                + $"<button type=\"submit\" class=\"btn btn-sm btn-primary\" id=\"bulk-retry-button\">{T["Attention.BulkRetry"]}</button></form>");
        }

        WriteLiteral($"<table class=\"table\" id=\"attention-failures\"><thead><tr><th></th><th>{T["Col.Product"]}</th><th>{T["Col.Channel"]}</th>"
            + $"<th>{T["Col.State"]}</th><th>{T["Col.Message"]}</th><th>{T["Col.Attempts"]}</th><th>{T["Col.NextAttempt"]}</th><th>{T["Col.Action"]}</th></tr></thead><tbody>");
        foreach (var listing in failing)
        {
            var id = ConsoleText.Number(listing.Id);
            var select = CanAct ? $"<input type=\"checkbox\" name=\"listing\" value=\"{id}\" form=\"bulk-retry\" aria-label=\"{id}\">" : string.Empty;
            WriteLiteral($"<tr data-listing=\"{id}\" data-product=\"{ConsoleText.Encode(listing.RegistryId)}\"><td>{select}</td>"
                + $"<td>{ProductLink(listing.RegistryId)} – {ConsoleText.Encode(listing.Desired.Title)}</td><td>{ConsoleText.Encode(listing.ChannelId)}</td>"
                + $"<td>{T.State(listing.State)}</td><td>{ConsoleText.Encode(listing.LastError)}</td><td>{ConsoleText.Number(listing.AttemptCount)}</td>"
                + $"<td>{T.Time(listing.NextAttemptAt)}</td><td class=\"oc-actions\">");
            if (CanAct)
            {
                WriteLiteral(FormStart(StaffActionKinds.Retry) + $"<input type=\"hidden\" name=\"listing\" value=\"{id}\">" + Button(StaffActionKinds.Retry) + "</form>");
            }

            WriteLiteral("</td></tr>");
        }

        WriteLiteral("</tbody></table>");
    }

    private void WriteBanned(List<Listing> banned)
    {
        if (banned.Count == 0)
        {
            return;
        }

        WriteLiteral($"<h3>{T["Attention.Banned"]}</h3><p>{T["Attention.BannedHelp"]}</p><table class=\"table\" id=\"attention-banned\"><thead><tr>"
            + $"<th>{T["Col.Product"]}</th><th>{T["Col.Channel"]}</th><th>{T["Col.Message"]}</th><th>{T["Col.Link"]}</th><th>{T["Col.Action"]}</th></tr></thead><tbody>");
        foreach (var listing in banned)
        {
            var link = listing.RemoteUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? $"<a href=\"{ConsoleText.Encode(url)}\" target=\"_blank\" rel=\"noopener noreferrer\">{ConsoleText.Encode(url)}</a>"
                : "—";
            WriteLiteral($"<tr data-listing=\"{ConsoleText.Number(listing.Id)}\"><td>{ProductLink(listing.RegistryId)} – {ConsoleText.Encode(listing.Desired.Title)}</td>"
                + $"<td>{ConsoleText.Encode(listing.ChannelId)}</td><td>{ConsoleText.Encode(listing.LastError)}</td><td>{link}</td><td class=\"oc-actions\">");
            if (CanAct)
            {
                WriteLiteral(FormStart(StaffActionKinds.Retry) + $"<input type=\"hidden\" name=\"listing\" value=\"{ConsoleText.Number(listing.Id)}\">" + Button(StaffActionKinds.Retry) + "</form>");
            }

            WriteLiteral("</td></tr>");
        }

        WriteLiteral("</tbody></table>");
    }
}
