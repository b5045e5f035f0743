using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Registry.Records;
using Ocop.MarketSync.Sync.Intake.Rules;

namespace Ocop.MarketSync.Sync.Intake;

public sealed partial class ProductNormalizer
{
    private ProducerData? NormalizeProducer(RegistryProducer? source, Func<string?, string?> text, IssueCollector issues)
    {
        if (source is null)
        {
            issues.Quarantine(IssueCodes.ProducerMissing, "producer missing");
            return null;
        }

        var provinceText = text(source.Province);
        var producer = new ProducerData
        {
            Name = text(source.Name),
            Type = text(source.Type),
            ProvinceAsReceived = provinceText,
            Commune = text(source.Commune),
        };
        if (producer.Name is null)
        {
            issues.Quarantine(IssueCodes.ProducerMissing, "producer name missing");
        }

        if (provinceText is null)
        {
            issues.Warn(IssueCodes.ProvinceMissing, "producer province missing");
            return producer;
        }

        var match = provinces.Resolve(provinceText);
        if (match is null)
        {
            issues.Warn(IssueCodes.ProvinceUnknown, $"province '{provinceText}' is not one of the 34 provinces nor a former one");
            return producer;
        }

        if (match.FormerName is not null && !string.Equals(match.FormerName, match.Name, StringComparison.Ordinal))
        {
            issues.Info(IssueCodes.ProvinceLegacy,
                $"province '{provinceText}' merged into {match.Name} on 2025-07-01; the original text is kept");
        }

        return producer with { Province = match.Name, ProvinceCode = match.Code };
    }

    private static void CheckPriceAndStock(RegistryProductRecord source, IssueCollector issues)
    {
        // A missing price is never defaulted to 0: publishing at 0 VND would be worse than not publishing.
        switch (source.PriceVnd)
        {
            case null:
                issues.Quarantine(IssueCodes.PriceMissing, "price missing");
                break;
            case <= 0:
                issues.Quarantine(IssueCodes.PriceInvalid, $"price {source.PriceVnd} VND is not positive");
                break;
        }

        switch (source.Stock)
        {
            case null:
                issues.Quarantine(IssueCodes.StockMissing, "stock missing (never read as unlimited)");
                break;
            case < 0:
                issues.Quarantine(IssueCodes.StockNegative, $"stock {source.Stock} is negative");
                break;
            case 0:
                issues.Info(IssueCodes.StockZero, "stock is 0: listed as out of stock");
                break;
        }
    }

    private static (string? Gtin, string? AsReceived) CheckGtin(string? gtin, IssueCollector issues)
    {
        if (gtin is null)
        {
            return (null, null);
        }

        var verdict = Gtin.Check(gtin, out var expected);
        switch (verdict)
        {
            case Gtin.Verdict.Valid:
                return (gtin, gtin);
            case Gtin.Verdict.WrongCheckDigit:
                issues.Warn(IssueCodes.GtinCheckDigit,
                    $"GTIN {gtin} has a wrong check digit (expected {expected}); it will be sent without a barcode");
                return (null, gtin);
            case Gtin.Verdict.NotDigits:
            case Gtin.Verdict.WrongLength:
                issues.Warn(IssueCodes.GtinInvalid,
                    $"GTIN '{gtin}' is not 8, 12, 13 or 14 digits; it will be sent without a barcode");
                return (null, gtin);
            default:
                throw new InvalidOperationException($"Unknown GTIN verdict {verdict}.");
        }
    }

    private SanitizedDescription? NormalizeDescription(string? description, IssueCollector issues)
    {
        if (description is null)
        {
            return null;
        }

        var clean = sanitizer.Sanitize(description);
        if (clean.Removed.Count > 0)
        {
            issues.Warn(IssueCodes.DescriptionSanitized,
                $"description contained markup that was removed: {string.Join(", ", clean.Removed)}");
        }

        return clean;
    }

    private static List<string> CheckImages(List<string> images, IssueCollector issues)
    {
        var valid = images
            .Where(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var invalid = images.Except(valid, StringComparer.Ordinal).ToList();
        if (invalid.Count > 0)
        {
            issues.Warn(IssueCodes.ImagesInvalid, $"image URL(s) not absolute https, dropped: {string.Join(", ", invalid)}");
        }

        if (valid.Count == 0)
        {
            issues.Warn(IssueCodes.ImagesMissing, "no usable image: most marketplaces will refuse the listing");
        }

        return valid;
    }
}
