using System.Globalization;
using System.Net;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Channels;

namespace Ocop.MarketSync.Api.Dashboard;

/// <summary>
/// A "Listings" page inside the Hangfire dashboard: per channel, listings counted by state, and the listings
/// that need a person (rejected, failing, needing re-authorisation) with the marketplace's message. Staff
/// watch the jobs and their effect in one place; the JSON API has the details.
/// </summary>
/// <remarks>
/// Hangfire renders dashboard pages synchronously, so the queries use EF's synchronous API (not sync-over-async).
/// </remarks>
internal sealed class ListingsDashboardPage : RazorPage
{
    private static readonly ListingState[] NeedAttention = [ListingState.Rejected, ListingState.Failing, ListingState.NeedsReauth, ListingState.Banned];

    public override void Execute()
    {
        Layout = new LayoutPage("Listings");
        using var scope = Context.GetHttpContext().RequestServices.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketSyncDbContext>();
        var channels = scope.ServiceProvider.GetRequiredService<ChannelCatalog>();
        var counts = db.Listings.AsNoTracking()
            .GroupBy(l => new { l.ChannelId, l.State })
            .Select(g => new { g.Key.ChannelId, g.Key.State, Count = g.Count() })
            .ToList();
        var attention = db.Listings.AsNoTracking()
            .Where(l => NeedAttention.Contains(l.State))
            .OrderBy(l => l.ChannelId).ThenBy(l => l.RegistryId)
            .Take(100)
            .ToList();
        var needsReauth = db.ChannelAuthorizations.AsNoTracking()
            .Where(a => a.Status == ChannelAuthorizationStatus.NeedsReauth)
            .ToDictionary(a => a.ChannelId, a => a.Reason);

        WriteLiteral("<div class=\"row\"><div class=\"col-md-12\"><h1 class=\"page-header\">Listings</h1>");
        WriteLiteral("<table class=\"table table-striped\" id=\"listing-counts\"><thead><tr><th>Channel</th><th>Marketplace</th>");
        foreach (var state in Enum.GetValues<ListingState>())
        {
            WriteLiteral($"<th>{state}</th>");
        }

        WriteLiteral("</tr></thead><tbody>");
        foreach (var channel in channels.All)
        {
            // A channel whose authorisation lapsed pushes nothing: say so where staff look, with what to do.
            var reauth = needsReauth.TryGetValue(channel.Id, out var reason)
                ? $" <span class=\"label label-danger\" title=\"{Encode(reason ?? string.Empty)}\">needs authorising: run channel authorize {Encode(channel.Id)}</span>"
                : string.Empty;
            WriteLiteral($"<tr><td>{Encode(channel.Id)}{(channel.Enabled ? string.Empty : " (disabled)")}{reauth}</td><td>{Encode(channel.Marketplace)}</td>");
            foreach (var state in Enum.GetValues<ListingState>())
            {
                var count = counts.Where(c => c.ChannelId == channel.Id && c.State == state).Sum(c => c.Count);
                WriteLiteral($"<td>{count.ToString(CultureInfo.InvariantCulture)}</td>");
            }

            WriteLiteral("</tr>");
        }

        WriteLiteral("</tbody></table>");
        WriteReconciliations(db, channels);
        WriteLiteral("<h3>Needing attention</h3>");
        if (attention.Count == 0)
        {
            WriteLiteral("<p>No listing is rejected, failing, banned or waiting for re-authorisation.</p>");
        }
        else
        {
            WriteLiteral("<table class=\"table\" id=\"listing-attention\"><thead><tr><th>Channel</th><th>Product</th><th>State</th><th>Attempts</th><th>Last error</th></tr></thead><tbody>");
            foreach (var listing in attention)
            {
                WriteLiteral($"<tr><td>{Encode(listing.ChannelId)}</td><td>{Encode(listing.RegistryId)} – {Encode(listing.Desired.Title)}</td><td>{listing.State}</td>"
                    + $"<td>{listing.AttemptCount.ToString(CultureInfo.InvariantCulture)}</td><td>{Encode(listing.LastError ?? string.Empty)}</td></tr>");
            }

            WriteLiteral("</tbody></table>");
        }

        WriteLiteral("<p>Details and staff actions: <code>GET /api/channels</code>, <code>GET /api/channels/{id}/listings?state=</code>, "
            + "<code>POST /api/listings/{id}/retry</code>, <code>POST /api/channels/{id}/push</code>, <code>POST /api/channels/{id}/reconcile</code>, "
            + "<code>GET /api/channels/{id}/reconciliations/{runId}</code>, <code>GET /api/reports/coverage?by=province</code>.</p></div></div>");
    }

    /// <summary>The last reconciliation of each channel: what drifted and what was repaired, for staff at a glance.</summary>
    private void WriteReconciliations(MarketSyncDbContext db, ChannelCatalog channels)
    {
        var ids = channels.All.Select(c => c.Id).ToList();
        var lastIds = db.ReconciliationRuns.AsNoTracking()
            .Where(r => ids.Contains(r.ChannelId) && !r.RequestedBy.StartsWith("webhook"))
            .GroupBy(r => r.ChannelId)
            .Select(g => g.Max(r => r.Id))
            .ToList();
        var last = db.ReconciliationRuns.AsNoTracking().Where(r => lastIds.Contains(r.Id)).ToList();
        WriteLiteral("<h3>Last reconciliation</h3>");
        if (last.Count == 0)
        {
            WriteLiteral("<p>No channel has been reconciled yet (nightly, or <code>POST /api/channels/{id}/reconcile</code>).</p>");
            return;
        }

        WriteLiteral("<table class=\"table\" id=\"reconciliations\"><thead><tr><th>Channel</th><th>Run</th><th>Status</th><th>Finished (UTC)</th>"
            + "<th>Checked</th><th>In sync</th><th>Drift price/stock/content/status</th><th>Missing</th><th>Banned</th><th>Orphaned</th></tr></thead><tbody>");
        foreach (var run in last.OrderBy(r => r.ChannelId, StringComparer.Ordinal))
        {
            WriteLiteral(string.Create(CultureInfo.InvariantCulture,
                $"<tr><td>{Encode(run.ChannelId)}</td><td>{run.Id}</td><td>{run.Status}{(run.Error is null ? string.Empty : " – " + Encode(run.Error))}</td>"
                + $"<td>{run.FinishedAt:yyyy-MM-dd HH:mm}</td><td>{run.Checked}</td><td>{run.InSync}</td>"
                + $"<td>{run.DriftedPrice}/{run.DriftedStock}/{run.DriftedContent}/{run.DriftedStatus}</td><td>{run.Missing}</td><td>{run.Banned}</td><td>{run.Orphaned}</td></tr>"));
        }

        WriteLiteral("</tbody></table>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
