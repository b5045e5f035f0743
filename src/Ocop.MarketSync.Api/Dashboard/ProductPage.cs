using System.Text;
using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Intake.Rules;
using Ocop.MarketSync.Sync.Listings.Staff;

namespace Ocop.MarketSync.Api.Dashboard;

/// <summary>
/// One product: its certificate (stars, valid until, days left, revoked), intake issues, and per channel the state,
/// the marketplace page, why it is not on sale (in plain words, code beside), last push, next attempt, and the
/// history of pushes and staff actions.
/// </summary>
internal sealed class ProductPage : ConsolePage
{
    private const int HistoryRows = 30;

    protected override string Title => T.Raw("Products.Title");

    protected override void Render()
    {
        var id = Uri.UnescapeDataString(Context.UriMatch.Groups["id"].Value).Normalize(NormalizationForm.FormC);
        var product = Db.Products.AsNoTracking().FirstOrDefault(p => p.RegistryId == id);
        if (product is null)
        {
            WriteLiteral($"<h1 class=\"page-header\">{T["Products.Title"]}</h1><p id=\"not-found\">{T.Format("Products.NotFound", id)}</p>");
            return;
        }

        WriteLiteral($"<h1 class=\"page-header\" id=\"product-title\">{ConsoleText.Encode(product.RegistryId)} – {ConsoleText.Encode(product.Name)}</h1>");
        WriteLiteral($"<p>{T["Col.Outcome"]}: <strong id=\"product-outcome\">{T.Outcome(product.Outcome)}</strong> · {T["Col.OcopCode"]}: {ConsoleText.Encode(product.Data.OcopCode)}"
            + $" · {T["Col.Producer"]}: {ConsoleText.Encode(product.Data.Producer?.Name)} · {T["Col.Province"]}: {ConsoleText.Encode(product.Province)}"
            + $" · {T["Product.Price"]}: <span class=\"oc-money\">{(product.Data.PriceVnd is { } price ? ConsoleText.Money(price) : "—")}</span></p>");
        WriteCertificate(product);
        WriteIssues(product);
        var listings = Db.Listings.AsNoTracking().Where(l => l.ProductId == product.Id).OrderBy(l => l.ChannelId).ToList();
        WriteListings(listings);
        WriteHistory(product, listings);
    }

    private void WriteCertificate(Product product)
    {
        WriteLiteral($"<h3>{T["Product.Certificate"]}</h3><div id=\"certificate\">");
        if (product.Data.Certificate is not { } certificate)
        {
            WriteLiteral($"<p>{T["Product.NoCertificate"]}</p></div>");
            return;
        }

        var today = Today;
        WriteLiteral($"<p>{T["Col.Stars"]}: {ProductsPage.Stars(product.Stars)} · {T["Product.Decision"]}: {ConsoleText.Encode(certificate.DecisionNumber)}"
            + $" · {T["Product.ValidUntil"]}: {ConsoleText.Date(certificate.ValidUntil)}</p>");
        if (CertificateValidity.IsRevokedOn(certificate, today) && certificate.Revocation is { } revocation)
        {
            WriteLiteral($"<p class=\"text-danger\" id=\"certificate-state\">{T.Format("Product.RevokedOn", ConsoleText.Date(revocation.RevokedOn))}"
                + $"{(revocation.Reason is null ? string.Empty : ": " + ConsoleText.Encode(revocation.Reason))}</p>");
        }
        else if (certificate.ValidUntil is { } until && until < today)
        {
            WriteLiteral($"<p class=\"text-danger\" id=\"certificate-state\">{T.Format("Product.ExpiredOn", ConsoleText.Date(until))}</p>");
        }
        else if (certificate.ValidUntil is { } end)
        {
            WriteLiteral($"<p id=\"certificate-state\">{T.Format("Product.DaysLeft", end.DayNumber - today.DayNumber)}</p>");
        }

        WriteLiteral("</div>");
    }

    private void WriteIssues(Product product)
    {
        WriteLiteral($"<h3>{T["Product.Issues"]}</h3>");
        if (product.Issues.Count == 0)
        {
            WriteLiteral($"<p>{T["Product.NoIssues"]}</p>");
            return;
        }

        WriteLiteral("<ul id=\"issues\">");
        foreach (var issue in product.Issues)
        {
            WriteLiteral($"<li>{T.Reason(issue)} <span class=\"oc-muted\">{ConsoleText.Encode(issue.Message)}</span></li>");
        }

        WriteLiteral("</ul>");
    }

    private void WriteListings(List<Listing> listings)
    {
        WriteLiteral($"<h3>{T["Product.Listings"]}</h3><table class=\"table\" id=\"listings\"><thead><tr><th>{T["Col.Channel"]}</th><th>{T["Col.State"]}</th>"
            + $"<th>{T["Col.Reason"]}</th><th>{T["Product.Price"]}</th><th>{T["Col.Link"]}</th><th>{T["Col.LastPush"]}</th><th>{T["Col.NextAttempt"]}</th>"
            + $"<th>{T["Col.Action"]}</th></tr></thead><tbody>");
        foreach (var listing in listings)
        {
            var reasons = new List<string>(listing.Desired.Reasons.Select(T.Reason));
            if (listing.LastError is { } error && listing.State is not ListingState.Active)
            {
                reasons.Add(ConsoleText.Encode(error));
            }

            var link = listing.RemoteUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? $"<a href=\"{ConsoleText.Encode(url)}\" target=\"_blank\" rel=\"noopener noreferrer\">{ConsoleText.Encode(listing.RemoteId ?? url)}</a>"
                : "—";
            var price = ConsoleText.Money(listing.Desired.PriceVnd)
                + (listing.Desired.HeldPriceVnd is { } held ? $" → <strong>{ConsoleText.Money(held)}</strong>" : string.Empty);
            WriteLiteral($"<tr data-channel=\"{ConsoleText.Encode(listing.ChannelId)}\"><td>{ConsoleText.Encode(listing.ChannelId)}</td>"
                + $"<td class=\"listing-state\">{T.State(listing.State, Channels.Find(listing.ChannelId)?.Marketplace)}</td><td>{string.Join("<br>", reasons)}</td><td class=\"oc-money\">{price}</td><td>{link}</td>"
                + $"<td>{T.Time(listing.LastPushedAt)}</td><td>{T.Time(listing.NextAttemptAt)}</td><td class=\"oc-actions\">");
            if (CanAct)
            {
                var listingId = $"<input type=\"hidden\" name=\"listing\" value=\"{ConsoleText.Number(listing.Id)}\">";
                if (listing.Desired.HeldPriceVnd is not null)
                {
                    WriteLiteral(FormStart(StaffActionKinds.ApprovePrice) + listingId + Button(StaffActionKinds.ApprovePrice, "btn-success") + "</form> ");
                    WriteLiteral(FormStart(StaffActionKinds.KeepPrice) + listingId + Button(StaffActionKinds.KeepPrice, "btn-default") + "</form> ");
                }

                if (listing.State is ListingState.Rejected or ListingState.Failing or ListingState.Banned or ListingState.NeedsReauth)
                {
                    WriteLiteral(FormStart(StaffActionKinds.Retry) + listingId + Button(StaffActionKinds.Retry) + "</form>");
                }
            }

            WriteLiteral("</td></tr>");
        }

        WriteLiteral("</tbody></table>");
    }

    /// <summary>Pushes (what was sent, the marketplace's answer) and staff actions (who did what), newest first.</summary>
    private void WriteHistory(Product product, List<Listing> listings)
    {
        var ids = listings.Select(l => l.Id).ToList();
        var pushes = Db.PushAttempts.AsNoTracking().Where(a => ids.Contains(a.ListingId)).OrderByDescending(a => a.Id).Take(HistoryRows).ToList()
            .Select(a => (a.At, a.ChannelId, Who: "—", What: $"{a.Operation}: {a.Sent}", Result: a.Result + (a.Message is null ? string.Empty : " – " + a.Message)));
        var actions = Db.StaffActions.AsNoTracking().Where(a => a.RegistryId == product.RegistryId).OrderByDescending(a => a.Id).Take(HistoryRows).ToList()
            .Select(a => (a.At, a.ChannelId, Who: a.User, What: T.Raw("Action." + a.Action) + (a.Detail is null ? string.Empty : ": " + a.Detail), Result: "ok"));
        var rows = pushes.Concat(actions).OrderByDescending(r => r.At).Take(HistoryRows).ToList();
        WriteLiteral($"<h3>{T["Product.History"]}</h3>");
        if (rows.Count == 0)
        {
            WriteLiteral($"<p>{T["Product.NoHistory"]}</p>");
            return;
        }

        WriteLiteral($"<table class=\"table table-condensed\" id=\"history\"><thead><tr><th>{T["Col.When"]}</th><th>{T["Col.Channel"]}</th><th>{T["Col.Who"]}</th>"
            + $"<th>{T["Col.What"]}</th><th>{T["Col.Result"]}</th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            WriteLiteral($"<tr><td>{T.Time(row.At)}</td><td>{ConsoleText.Encode(row.ChannelId)}</td><td>{ConsoleText.Encode(row.Who)}</td>"
                + $"<td><small>{ConsoleText.Encode(row.What)}</small></td><td>{ConsoleText.Encode(row.Result)}</td></tr>");
        }

        WriteLiteral("</tbody></table>");
    }
}
