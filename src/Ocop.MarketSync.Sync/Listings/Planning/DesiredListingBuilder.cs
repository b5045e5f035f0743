using System.Globalization;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Intake.Rules;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Sync.Listings.Planning;

/// <summary>
/// The desired listing of one product on one channel: on sale only while the OCOP rules and the channel allow it,
/// otherwise delisted with the reasons. Pure: decided from the product, the channel and the day.
/// </summary>
public static class DesiredListingBuilder
{
    /// <param name="livePriceVnd">The price the marketplace shows now, if the listing was pushed (kept when the new one is out of range).</param>
    public static DesiredListing Build(Product product, ChannelOptions channel, MarketplaceCapabilities capabilities, DateOnly today, long? livePriceVnd = null)
    {
        var data = product.Data;
        var reasons = new List<ProductIssue>();
        if (product.Outcome != ProductOutcome.Eligible)
        {
            reasons.AddRange(product.Issues.Where(i => i.Severity is IssueSeverity.Ineligible or IssueSeverity.Quarantine));
        }
        else if (!CertificateValidity.IsValidOn(data.Certificate, today))
        {
            // Out of force since intake evaluated it (expired, or a revocation that took effect later): the mark
            // must go the same day, not at the next pull (DOMAIN.md §1.7).
            reasons.Add(LapsedReason(data.Certificate, today));
        }

        if (product.RetiredAt is not null)
        {
            reasons.Add(new ProductIssue("product.retired", "no longer in the registry", IssueSeverity.Ineligible));
        }

        if (RefusesService(data.IsService, capabilities))
        {
            reasons.Add(new ProductIssue("channel.noServices", $"group VI services are not sold on {channel.Id}", IssueSeverity.Ineligible));
        }

        string? category = null;
        if (data.ProductSet is { } set && !channel.Categories.TryGetValue(set, out category))
        {
            // The category half of ChannelTakes, with TryGetValue because the category id is needed below.
            reasons.Add(new ProductIssue("channel.noCategory", $"{channel.Id} has no category for OCOP product set {set}", IssueSeverity.Ineligible));
        }

        var price = data.PriceVnd is { } registryPrice ? PriceRule.Apply(registryPrice, channel.Price) : 0;
        ProductIssue? priceReason = null;
        if (price > 0)
        {
            (price, priceReason) = MarketplaceLimits.Price(price, livePriceVnd, capabilities);
        }

        if (priceReason is { Severity: IssueSeverity.Ineligible })
        {
            reasons.Add(priceReason);
        }

        // The marketplace's own rules on what is sent (Sendo: SKU 3–45 characters, description of 100 or more).
        var description = Description(data, capabilities);
        reasons.AddRange(new[]
        {
            MarketplaceLimits.SellerSku(SellerSku.For(product.RegistryId), capabilities),
            MarketplaceLimits.Description(description, capabilities),
        }.OfType<ProductIssue>());
        var (images, imagesReason) = MarketplaceLimits.Images(data.Images, capabilities);

        var active = reasons.Count == 0;
        var stock = active && data.Stock is { } onHand ? StockRule.Apply(onHand, channel.Stock) : 0;
        ProductIssue? stockReason = null;
        if (active)
        {
            (stock, stockReason) = MarketplaceLimits.Stock(stock, capabilities);
        }

        // Warnings go with an active listing: it sells, and the console says what was adjusted.
        reasons.AddRange(new[] { priceReason is { Severity: IssueSeverity.Warning } ? priceReason : null, stockReason, imagesReason }.OfType<ProductIssue>());
        var name = data.Name ?? product.RegistryId;
        return new DesiredListing
        {
            Title = TitleBuilder.Build(channel.TitleTemplate, name, data.Stars ?? 0, showBadge: active,
                capabilities.TitleMaxChars, capabilities.TitleMaxBytes),
            Description = description,
            CategoryId = category,
            Images = images,
            Gtin = data.Gtin,
            WeightGrams = WeightGrams(data.NetWeight),
            Attributes = Attributes(data),
            PriceVnd = price,
            Stock = stock,
            Active = active,
            Reasons = reasons,
        };
    }

    /// <summary>
    /// Whether the channel takes products of this kind at all (services, a category for the product set): the
    /// channel's part of <see cref="Build"/>, for counting what a channel could list without building listings.
    /// </summary>
    public static bool ChannelTakes(int? productSet, bool isService, ChannelOptions channel, MarketplaceCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(capabilities);
        return !RefusesService(isService, capabilities) && (productSet is not { } set || channel.Categories.ContainsKey(set));
    }

    private static bool RefusesService(bool isService, MarketplaceCapabilities capabilities) => isService && !capabilities.SellsServices;

    private static ProductIssue LapsedReason(CertificateData? certificate, DateOnly today)
    {
        if (certificate?.ValidUntil is { } until && until < today)
        {
            return new ProductIssue("certificate.expired", $"certificate expired on {until:yyyy-MM-dd}", IssueSeverity.Ineligible);
        }

        if (certificate is not null && CertificateValidity.IsRevokedOn(certificate, today))
        {
            var revocation = certificate.Revocation;
            var on = revocation?.RevokedOn is { } revokedOn ? string.Create(CultureInfo.InvariantCulture, $" on {revokedOn:yyyy-MM-dd}") : string.Empty;
            var by = revocation?.DecisionNumber is null ? string.Empty : $" by decision {revocation.DecisionNumber}";
            return new ProductIssue("certificate.revoked", $"certificate revoked{on}{by}", IssueSeverity.Ineligible);
        }

        // Unreachable for a product intake found eligible on an earlier day (issued, dated); kept total.
        return new ProductIssue("certificate.notYetValid", "certificate not in force", IssueSeverity.Ineligible);
    }

    /// <summary>
    /// The registry's description as the marketplace takes it; where the marketplace declares a minimum length
    /// (Sendo: 100) that the registry's text does not reach, followed by the product's OCOP facts
    /// (<see cref="OcopFactsBlock"/>) if the result still fits. Marketplaces without a minimum get the registry's
    /// text alone, as before, and so does a description already long enough (its live listings are not rewritten).
    /// </summary>
    private static string Description(ProductData data, MarketplaceCapabilities capabilities)
    {
        var own = OwnDescription(data, capabilities);
        if (capabilities.DescriptionMinChars is not { } min || own.Length >= min)
        {
            return own;
        }

        var withFacts = OcopFactsBlock.AppendTo(own, data);
        return TextLimits.Fits(withFacts, capabilities.DescriptionMaxChars, capabilities.DescriptionMaxBytes) ? withFacts : own;
    }

    private static string OwnDescription(ProductData data, MarketplaceCapabilities capabilities)
    {
        var html = data.DescriptionHtml ?? string.Empty;
        // Too many <img> for the marketplace (Sendo: 20) is a refusal; the plain text carries no images.
        if (capabilities.AcceptsHtmlDescription && TextLimits.Fits(html, capabilities.DescriptionMaxChars, capabilities.DescriptionMaxBytes)
            && (capabilities.MaxImages is not { } most || CountImgTags(html) <= most))
        {
            return html;
        }

        // Cutting HTML could leave tags open; plain text cuts cleanly.
        return TextLimits.Cut(data.DescriptionText ?? string.Empty, capabilities.DescriptionMaxChars, capabilities.DescriptionMaxBytes);
    }

    private static int CountImgTags(string html)
    {
        var count = 0;
        for (var at = html.IndexOf("<img", StringComparison.OrdinalIgnoreCase); at >= 0; at = html.IndexOf("<img", at + 4, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
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
