using System.Globalization;
using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Sync.Listings.Planning;

/// <summary>
/// The product's OCOP recognition stated from its own registry record: stars and product group, the certificate
/// (decision number, issuer, issue date, last valid day), the producer and where it is, the OCOP code. Appended to a
/// description only on a marketplace that declares a minimum length the registry's text does not reach (Sendo: 100),
/// so a short but correct description no longer keeps a recognised product off the marketplace. Facts only, never
/// filler: every line is a registry field, and a product without them stays too short (and unlisted, with the reason).
/// Other marketplaces show the same facts as attributes (<c>ocop.*</c>, <c>producer</c>, <c>origin.province</c>).
/// </summary>
public static class OcopFactsBlock
{
    /// <summary>The facts, one line each, in Vietnamese (the buyer's language); empty when the registry has none.</summary>
    public static IReadOnlyList<string> Lines(ProductData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var lines = new List<string>();
        var group = (data.Group, data.Subgroup) switch
        {
            ({ } g, { } s) => $"nhóm {g} ({s})",
            ({ } g, null) => $"nhóm {g}",
            (null, { } s) => s,
            _ => null,
        };
        if (data.Stars is { } stars)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"Sản phẩm OCOP {stars} sao") + (group is null ? "." : $", {group}."));
        }

        if (data.Certificate is { DecisionNumber: { } decision } certificate)
        {
            var line = $"Giấy chứng nhận OCOP: quyết định số {decision}";
            line += certificate.IssuedBy is { } by ? $" của {by}" : string.Empty;
            line += certificate.IssuedOn is { } on ? $", ngày {Day(on)}" : string.Empty;
            line += (certificate.ValidUntil ?? certificate.ExpiresOn) is { } until ? $", hiệu lực đến hết ngày {Day(until)}" : string.Empty;
            lines.Add(line + ".");
        }

        if (data.Producer is { Name: { } producer } p)
        {
            var place = string.Join(", ", new[] { p.Commune, p.Province ?? p.ProvinceAsReceived }.Where(s => !string.IsNullOrWhiteSpace(s)));
            lines.Add($"Chủ thể sản xuất: {producer}" + (place.Length > 0 ? $", {place}." : "."));
        }

        if (data.OcopCode is { Length: > 0 } code)
        {
            lines.Add($"Mã sản phẩm OCOP: {code}.");
        }

        return lines;
    }

    /// <summary>
    /// <paramref name="description"/> followed by the facts: as <c>&lt;p&gt;</c> paragraphs (HTML-encoded) after HTML,
    /// as lines after plain text (which the adapters turn into paragraphs).
    /// </summary>
    public static string AppendTo(string description, ProductData data)
    {
        ArgumentNullException.ThrowIfNull(description);
        var lines = Lines(data);
        if (lines.Count == 0)
        {
            return description;
        }

        var text = description.Trim();
        return text.StartsWith('<')
            ? text + string.Concat(lines.Select(l => $"<p>{Encode(l)}</p>"))
            : string.Join('\n', new[] { text }.Where(t => t.Length > 0).Concat(lines));
    }

    /// <summary>Only the characters HTML needs escaped: Vietnamese letters stay readable (WebUtility would write &amp;#243;).</summary>
    private static string Encode(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
