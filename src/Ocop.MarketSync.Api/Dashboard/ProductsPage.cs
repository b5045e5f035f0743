using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Api.Dashboard;

/// <summary>
/// "Sản phẩm": search by name, registry id, OCOP code, producer or province (without caring for accents or case),
/// filter by intake outcome and by "not online" (eligible but not on sale on some enabled channel).
/// </summary>
/// <remarks>
/// The search runs in memory over the products' data: producer and OCOP code live in the JSON of the product, and a
/// province's registry has a few thousand products. A much larger registry would want searchable columns.
/// </remarks>
internal sealed class ProductsPage : ConsolePage
{
    private const int PageSize = 100;

    protected override string Title => T.Raw("Products.Title");

    protected override void Render()
    {
        var q = Param("q").Normalize(NormalizationForm.FormC).Trim();
        var outcome = Enum.TryParse<ProductOutcome>(Param("outcome"), ignoreCase: false, out var o) && !int.TryParse(Param("outcome"), out _) ? o : (ProductOutcome?)null;
        var notOnline = Param("notOnline") == "1";
        WriteLiteral($"<h1 class=\"page-header\">{T["Products.Title"]}</h1>");
        WriteLiteral($"<form method=\"get\" class=\"form-inline\" id=\"product-search\" action=\"{ConsoleText.Encode(Url.To("/console/products"))}\">"
            + $"<input class=\"form-control\" name=\"q\" value=\"{ConsoleText.Encode(q)}\" placeholder=\"{T["Products.Search"]}\" size=\"40\"> "
            + $"<select class=\"form-control\" name=\"outcome\"><option value=\"\">{T["Products.AllOutcomes"]}</option>");
        foreach (var value in Enum.GetValues<ProductOutcome>())
        {
            WriteLiteral($"<option value=\"{value}\"{(outcome == value ? " selected" : string.Empty)}>{T.Outcome(value)}</option>");
        }

        WriteLiteral($"</select> <label><input type=\"checkbox\" name=\"notOnline\" value=\"1\"{(notOnline ? " checked" : string.Empty)}> {T["Products.NotOnline"]}</label> "
            + $"<button type=\"submit\" class=\"btn btn-primary\">{T["Products.Find"]}</button></form>");

        var query = Db.Products.AsNoTracking().Where(p => p.RetiredAt == null);
        if (outcome is { } wanted)
        {
            query = query.Where(p => p.Outcome == wanted);
        }

        var products = query.OrderBy(p => p.RegistryId).ToList();
        var needle = Fold(q);
        if (needle.Length > 0)
        {
            products = [.. products.Where(p => Matches(p, needle))];
        }

        var enabled = Channels.All.Where(c => c.Enabled).Select(c => c.Id).ToList();
        var ids = products.Select(p => p.Id).ToList();
        var active = Db.Listings.AsNoTracking().Where(l => ids.Contains(l.ProductId) && l.State == ListingState.Active && enabled.Contains(l.ChannelId))
            .Select(l => new { l.ProductId, l.ChannelId }).ToList()
            .GroupBy(l => l.ProductId).ToDictionary(g => g.Key, g => g.Select(x => x.ChannelId).Order(StringComparer.Ordinal).ToList());
        if (notOnline)
        {
            products = [.. products.Where(p => p.Outcome == ProductOutcome.Eligible && active.GetValueOrDefault(p.Id)?.Count != enabled.Count)];
        }

        WriteLiteral($"<p>{T.Format("Products.Count", products.Count)}</p>");
        WriteLiteral($"<table class=\"table table-striped\" id=\"products\"><thead><tr><th>{T["Col.RegistryId"]}</th><th>{T["Col.Name"]}</th><th>{T["Col.OcopCode"]}</th>"
            + $"<th>{T["Col.Producer"]}</th><th>{T["Col.Province"]}</th><th>{T["Col.Stars"]}</th><th>{T["Col.Outcome"]}</th><th>{T["Col.Online"]}</th></tr></thead><tbody>");
        foreach (var product in products.Take(PageSize))
        {
            var online = active.GetValueOrDefault(product.Id) ?? [];
            WriteLiteral($"<tr data-product=\"{ConsoleText.Encode(product.RegistryId)}\"><td>{ProductLink(product.RegistryId)}</td><td>{ConsoleText.Encode(product.Name)}</td>"
                + $"<td>{ConsoleText.Encode(product.Data.OcopCode)}</td><td>{ConsoleText.Encode(product.Data.Producer?.Name)}</td><td>{ConsoleText.Encode(product.Province)}</td>"
                + $"<td>{Stars(product.Stars)}</td><td>{T.Outcome(product.Outcome)}</td>"
                + $"<td>{ConsoleText.Number(online.Count)}/{ConsoleText.Number(enabled.Count)} <span class=\"oc-muted\">{ConsoleText.Encode(string.Join(", ", online))}</span></td></tr>");
        }

        WriteLiteral("</tbody></table>");
    }

    internal static string Stars(int? stars) => stars is { } n and > 0 ? new string('★', Math.Min(n, 5)) : "—";

    private static bool Matches(Product product, string needle) =>
        new[] { product.RegistryId, product.Name, product.Data.OcopCode, product.Data.Producer?.Name, product.Province, product.Data.Producer?.ProvinceAsReceived }
            .Any(field => field is not null && Fold(field).Contains(needle, StringComparison.Ordinal));

    /// <summary>Lower case without accents (đ as d): "tra shan tuyet" finds "Trà Shan tuyết".</summary>
    internal static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
            }
        }

        return folded.ToString().Trim();
    }
}
