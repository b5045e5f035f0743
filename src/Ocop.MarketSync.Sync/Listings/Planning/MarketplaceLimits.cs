using System.Globalization;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Sync.Listings.Planning;

/// <summary>
/// The marketplace's own bounds on price and stock, as its adapter publishes them. Sending a price outside them only
/// earns a rejection per call (or, where the marketplace checks less than it should, a wrong listing), so the planner
/// decides first: a price outside is not listed, a live listing keeps the price it has, stock above the most is
/// offered as the most.
/// </summary>
public static class MarketplaceLimits
{
    public const string PriceOutOfRangeCode = "price.outOfRange";
    public const string StockCappedCode = "stock.capped";
    public const string SkuLengthCode = "sku.length";
    public const string DescriptionTooShortCode = "description.tooShort";
    public const string ImagesTrimmedCode = "images.trimmed";

    /// <summary>The price the listing gets and the reason, if the registry's price is outside the marketplace's range.</summary>
    /// <param name="livePriceVnd">The price the marketplace shows now, if the listing was pushed; it is kept then.</param>
    public static (long PriceVnd, ProductIssue? Reason) Price(long priceVnd, long? livePriceVnd, MarketplaceCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        if (Within(priceVnd, capabilities))
        {
            return (priceVnd, null);
        }

        var range = string.Create(CultureInfo.InvariantCulture,
            $"{capabilities.Marketplace} takes {capabilities.MinPriceVnd ?? 1:N0}–{(capabilities.MaxPriceVnd is { } max ? max.ToString("N0", CultureInfo.InvariantCulture) : "any")} VND");
        if (livePriceVnd is { } live && Within(live, capabilities))
        {
            // A live listing is not taken offline for a price the registry must correct: it keeps its price.
            return (live, new ProductIssue(PriceOutOfRangeCode, string.Create(CultureInfo.InvariantCulture,
                $"the registry's price of {priceVnd:N0} VND is outside the marketplace's range ({range}): the listing keeps {live:N0} VND until the registry corrects it"),
                IssueSeverity.Warning));
        }

        return (priceVnd, new ProductIssue(PriceOutOfRangeCode, string.Create(CultureInfo.InvariantCulture,
            $"price of {priceVnd:N0} VND is outside the marketplace's range ({range}): not listed until the registry corrects it"),
            IssueSeverity.Ineligible));
    }

    /// <summary>The units offered and the reason, if the marketplace takes fewer than the channel would offer.</summary>
    public static (int Stock, ProductIssue? Reason) Stock(int stock, MarketplaceCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        if (capabilities.MaxStock is not { } most || stock <= most)
        {
            return (stock, null);
        }

        return (most, new ProductIssue(StockCappedCode, string.Create(CultureInfo.InvariantCulture,
            $"{stock:N0} units in stock; {capabilities.Marketplace} takes at most {most:N0} per listing, so {most:N0} are offered"),
            IssueSeverity.Warning));
    }

    /// <summary>Why the marketplace would refuse the seller SKU's length (Sendo: 3–45 characters), or null.</summary>
    public static ProductIssue? SellerSku(string sellerSku, MarketplaceCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(sellerSku);
        ArgumentNullException.ThrowIfNull(capabilities);
        var min = capabilities.SellerSkuMinChars ?? 1;
        var max = capabilities.SellerSkuMaxChars ?? int.MaxValue;
        return sellerSku.Length >= min && sellerSku.Length <= max ? null : new ProductIssue(SkuLengthCode, string.Create(CultureInfo.InvariantCulture,
            $"seller SKU '{sellerSku}' has {sellerSku.Length} characters; {capabilities.Marketplace} takes {min}–{max}: not listed"),
            IssueSeverity.Ineligible);
    }

    /// <summary>
    /// Why the description is too short for the marketplace (Sendo: 100 characters of what is sent), or null. Never
    /// padded: filler text on a product page would mislead buyers, so the registry must describe the product better.
    /// </summary>
    public static ProductIssue? Description(string description, MarketplaceCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(capabilities);
        return capabilities.DescriptionMinChars is not { } min || description.Length >= min ? null
            : new ProductIssue(DescriptionTooShortCode, string.Create(CultureInfo.InvariantCulture,
                $"description has {description.Length} characters; {capabilities.Marketplace} needs at least {min}: not listed until the registry describes the product more fully"),
                IssueSeverity.Ineligible);
    }

    /// <summary>The images the marketplace takes (the first ones, in the registry's order) and the reason if some were left out.</summary>
    public static (IReadOnlyList<string> Images, ProductIssue? Reason) Images(IReadOnlyList<string> images, MarketplaceCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(capabilities);
        if (capabilities.MaxImages is not { } most || images.Count <= most)
        {
            return (images, null);
        }

        return ([.. images.Take(most)], new ProductIssue(ImagesTrimmedCode, string.Create(CultureInfo.InvariantCulture,
            $"{images.Count} images; {capabilities.Marketplace} takes at most {most}, so the first {most} are shown"),
            IssueSeverity.Warning));
    }

    private static bool Within(long priceVnd, MarketplaceCapabilities capabilities) =>
        priceVnd >= (capabilities.MinPriceVnd ?? 1) && (capabilities.MaxPriceVnd is not { } max || priceVnd <= max);
}
