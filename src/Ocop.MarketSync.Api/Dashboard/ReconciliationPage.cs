using Hangfire.Dashboard;
using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Api.Dashboard;

/// <summary>
/// One reconciliation of a channel, down to the items: what was checked, and each item found drifted, missing,
/// banned or orphaned, with what differed and a link to the product. Reached from the counts on "Kênh bán".
/// </summary>
internal sealed class ReconciliationPage : ConsolePage
{
    /// <summary>Enough rows for a bad day; the API pages the rest.</summary>
    private const int MaxRows = 500;

    protected override string Title => T.Raw("Reconciliation.Title");

    protected override void Render()
    {
        _ = long.TryParse(Context.UriMatch.Groups["run"].Value, out var runId);
        var run = Db.ReconciliationRuns.AsNoTracking().FirstOrDefault(r => r.Id == runId);
        if (run is null)
        {
            Http.Response.StatusCode = 404;
            WriteLiteral($"<h1 class=\"page-header\">{T["Reconciliation.Title"]}</h1><p>{T["Reconciliation.NotFound"]}</p>");
            return;
        }

        var kind = Enum.TryParse<ReconciliationFindingKind>(Param("kind"), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : (ReconciliationFindingKind?)null;
        var query = Db.ReconciliationFindings.AsNoTracking().Where(f => f.RunId == run.Id);
        if (kind is { } only)
        {
            query = query.Where(f => f.Kind == only);
        }

        var findings = query.OrderBy(f => f.Kind).ThenBy(f => f.SellerSku).Take(MaxRows).ToList();
        var listingIds = findings.Select(f => f.ListingId).OfType<long>().ToList();
        var products = Db.Listings.AsNoTracking().Where(l => listingIds.Contains(l.Id)).ToDictionary(l => l.Id, l => l.RegistryId);
        var drifted = run.DriftedPrice + run.DriftedStock + run.DriftedContent + run.DriftedStatus;
        WriteLiteral($"<h1 class=\"page-header\">{T["Reconciliation.Title"]} – {ConsoleText.Encode(run.ChannelId)}</h1>"
            + $"<p id=\"reconciliation-run\">{T.Time(run.FinishedAt ?? run.StartedAt ?? run.RequestedAt)} · {ConsoleText.Encode(run.Status.ToString())} · {T["Reconciliation.RequestedBy"]} {ConsoleText.Encode(run.RequestedBy)}<br>"
            + $"{T["Channels.Checked"]} {ConsoleText.Number(run.Checked)}, {T["Channels.Drifted"]} {ConsoleText.Number(drifted)}, "
            + $"{T["Channels.Missing"]} {ConsoleText.Number(run.Missing)}, {T.State(ListingState.Banned)} {ConsoleText.Number(run.Banned)}, {T["Channels.Orphaned"]} {ConsoleText.Number(run.Orphaned)}</p>");
        if (run.Error is { Length: > 0 } error)
        {
            WriteLiteral($"<p class=\"text-danger\">{ConsoleText.Encode(error)}</p>");
        }

        WriteLiteral("<div class=\"btn-group\" id=\"finding-kinds\">" + KindLink(null, kind));
        foreach (var each in Enum.GetValues<ReconciliationFindingKind>())
        {
            WriteLiteral(KindLink(each, kind));
        }

        WriteLiteral($"</div><table class=\"table\" id=\"findings\"><thead><tr><th>{T["Reconciliation.Kind"]}</th><th>{T["Col.Product"]}</th>"
            + $"<th>SKU</th><th>{T["Reconciliation.RemoteId"]}</th><th>{T["Reconciliation.Detail"]}</th></tr></thead><tbody>");
        foreach (var finding in findings)
        {
            var product = finding.ListingId is { } id && products.TryGetValue(id, out var registryId) ? ProductLink(registryId) : "—";
            WriteLiteral($"<tr data-kind=\"{finding.Kind}\"><td>{T["Finding." + finding.Kind]}</td><td>{product}</td><td><code>{ConsoleText.Encode(finding.SellerSku)}</code></td>"
                + $"<td>{ConsoleText.Encode(finding.RemoteId ?? "—")}</td><td>{ConsoleText.Encode(finding.Detail)}</td></tr>");
        }

        WriteLiteral("</tbody></table>");
        if (findings.Count == 0)
        {
            WriteLiteral($"<p class=\"oc-muted\">{T["Reconciliation.None"]}</p>");
        }
        else if (findings.Count == MaxRows)
        {
            WriteLiteral($"<p class=\"oc-muted\">{T.Format("Reconciliation.More", MaxRows)} <a href=\"{ConsoleText.Encode(SiteUrl($"/api/channels/{Uri.EscapeDataString(run.ChannelId)}/reconciliations/{run.Id}"))}\">JSON</a></p>");
        }
    }

    /// <summary>This page for one run, all findings or one kind: the one place its address is built.</summary>
    public static string Link(UrlHelper url, string runId, ReconciliationFindingKind? kind) =>
        url.To("/console/reconciliations/" + runId) + (kind is { } k ? "?kind=" + k.ToString().ToLowerInvariant() : string.Empty);

    private string KindLink(ReconciliationFindingKind? kind, ReconciliationFindingKind? current)
    {
        var css = kind == current ? "btn-primary" : "btn-default";
        var href = Link(Url, Context.UriMatch.Groups["run"].Value, kind);
        var text = kind is { } each ? T["Finding." + each] : T["Reconciliation.All"];
        return $"<a class=\"btn btn-sm {css}\" href=\"{ConsoleText.Encode(href)}\">{text}</a>";
    }
}
