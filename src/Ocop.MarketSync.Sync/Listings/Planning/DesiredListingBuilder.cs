using System.Globalization;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Sync.Listings.Planning;

/// <summary>
/// The desired listing of one product on one channel: on sale only while the OCOP rules and the channel allow it,
/// otherwise delisted with the reasons. Pure: decided from the product, the channel and the day.
/// </summary>
public static class DesiredListingBuilder
{
    public static DesiredListing Build(Product product, ChannelOptions channel, MarketplaceCapabilities capabilities, DateOnly today)
    {
        var data = product.Data;
        var reasons = new List<ProductIssue>();
        if (product.Outcome != ProductOutcome.Eligible)
        {
            reasons.AddRange(product.Issues.Where(i => i.Severity is IssueSeverity.Ineligible or IssueSeverity.Quarantine));
        }
        else if (data.Certificate?.ValidUntil is { } until && until < today)
        {
            // Expired since intake evaluated it: the mark must go the same day, not at the next pull.
            reasons.Add(new ProductIssue("certificate.expired", $"certificate expired on {until:yyyy-MM-dd}", IssueSeverity.Ineligible));
        }
        else if (data.Certificate?.Revocation is { RevokedOn: { } revokedOn } revocation && revokedOn <= today)
        {
            // A revocation that takes effect after intake evaluated the product: same rule, same day (DOMAIN.md §1.7).
            var by = revocation.DecisionNumber is null ? string.Empty : $" by decision {revocation.DecisionNumber}";
            reasons.Add(new ProductIssue("certificate.revoked",
                string.Create(CultureInfo.InvariantCulture, $"certificate revoked on {revokedOn:yyyy-MM-dd}{by}"), IssueSeverity.Ineligible));
        }

        if (product.RetiredAt is not null)
        {
            reasons.Add(new ProductIssue("product.retired", "no longer in the registry", IssueSeverity.Ineligible));
        }

        if (data.IsService && !capabilities.SellsServices)
        {
            reasons.Add(new ProductIssue("channel.noServices", $"group VI services are not sold on {channel.Id}", IssueSeverity.Ineligible));
        }

        string? category = null;
        if (data.ProductSet is { } set && !channel.Categories.TryGetValue(set, out category))
        {
            reasons.Add(new ProductIssue("channel.noCategory", $"{channel.Id} has no category for OCOP product set {set}", IssueSeverity.Ineligible));
        }

        var active = reasons.Count == 0;
        var name = data.Name ?? product.RegistryId;
        return new DesiredListing
        {
            Title = TitleBuilder.Build(channel.TitleTemplate, name, data.Stars ?? 0, showBadge: active,
                capabilities.TitleMaxChars, capabilities.TitleMaxBytes),
            Description = Description(data, capabilities),
            CategoryId = category,
            Images = data.Images,
            Gtin = data.Gtin,
            WeightGrams = WeightGrams(data.NetWeight),
            Attributes = Attributes(data),
            PriceVnd = data.PriceVnd is { } price ? PriceRule.Apply(price, channel.Price) : 0,
            Stock = active && data.Stock is { } stock ? StockRule.Apply(stock, channel.Stock) : 0,
            Active = active,
            Reasons = reasons,
        };
    }

    private static string Description(ProductData data, MarketplaceCapabilities capabilities)
    {
        var html = data.DescriptionHtml ?? string.Empty;
        if (capabilities.AcceptsHtmlDescription && TextLimits.Fits(html, capabilities.DescriptionMaxChars, capabilities.DescriptionMaxBytes))
        {
            return html;
        }

        // Cutting HTML could leave tags open; plain text cuts cleanly.
        return TextLimits.Cut(data.DescriptionText ?? string.Empty, capabilities.DescriptionMaxChars, capabilities.DescriptionMaxBytes);
    }

    private static int? WeightGrams(QuantityData? weight) => weight?.Unit.ToUpperInvariant() switch
    {
        "G" => (int)weight.Value,
        "KG" => (int)(weight.Value * 1000),
        _ => null,
    };

    private static Dictionary<string, string> Attributes(ProductData data)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        void Put(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                attributes[key] = value;
            }
        }

        Put("origin.province", data.Producer?.Province ?? data.Producer?.ProvinceAsReceived);
        Put("producer", data.Producer?.Name);
        Put("ocop.stars", data.Stars?.ToString(CultureInfo.InvariantCulture));
        Put("ocop.code", data.OcopCode);
        Put("ocop.certificate", data.Certificate?.DecisionNumber);
        Put("ocop.certificateIssuer", data.Certificate?.IssuedBy);
        Put("ocop.certificateValidUntil", data.Certificate?.ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Put("traceability.url", data.Traceability?.Url);
        Put("shelfLifeDays", data.ShelfLifeDays?.ToString(CultureInfo.InvariantCulture));
        return attributes;
    }
}
