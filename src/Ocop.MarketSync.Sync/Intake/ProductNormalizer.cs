using Microsoft.Extensions.Options;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Registry.Records;
using Ocop.MarketSync.Sync.Intake.Provinces;
using Ocop.MarketSync.Sync.Intake.Rules;

namespace Ocop.MarketSync.Sync.Intake;

/// <summary>
/// Validates and normalises one registry record: all text NFC, certificate validity from dates and revocation
/// (never the status flag), GTIN check digit, sanitised description, province mapped to the 34 current ones.
/// Pure: the same record and day always give the same result and hash.
/// </summary>
public sealed partial class ProductNormalizer(
    ProvinceDirectory provinces,
    DescriptionSanitizer sanitizer,
    IOptions<IntakeOptions> options)
{
    private readonly IntakeOptions _options = options.Value;

    /// <param name="record">The record as read.</param>
    /// <param name="today">The Asia/Ho_Chi_Minh calendar day validity is decided for.</param>
    public NormalizedRecord Normalize(RegistryRecord record, DateOnly today)
    {
        var issues = new IssueCollector();
        foreach (var error in record.FieldErrors)
        {
            issues.Quarantine(IssueCodes.FieldType, error.Message);
        }

        var source = record.Product;
        var nfcChanged = false;
        string? Text(string? value) => VietnameseText.Normalize(value, ref nfcChanged);

        var registryId = Text(source.RegistryId);
        if (registryId is null)
        {
            issues.Quarantine(IssueCodes.RegistryIdMissing, "registryId missing: the record cannot be stored");
        }

        var name = Text(source.Name);
        if (name is not null && sanitizer.ToPlainLine(name) is var plain && plain != name)
        {
            // Marketplace titles are plain text: "<b>Mật ong</b>" would be listed with its tags showing.
            issues.Warn(IssueCodes.NameMarkup, $"markup removed from the name: \"{Shorten(name)}\" → \"{Shorten(plain)}\"");
            name = plain.Length > 0 ? plain : null;
        }

        if (name is null)
        {
            issues.Quarantine(IssueCodes.NameMissing, "name missing");
        }

        var (productSet, groupCode) = CheckProductSet(source, issues);
        var stars = CheckStars(source.Stars, issues);
        var certificate = NormalizeCertificate(source.Certificate, today, Text, issues);
        var producer = NormalizeProducer(source.Producer, Text, issues);
        var ocopCode = Text(source.OcopCode);
        OcopCodeParts? codeParts = null;
        if (ocopCode is null)
        {
            issues.Warn(IssueCodes.OcopCodeMissing, "OCOP product code missing");
        }
        else if (!OcopCode.TryParse(ocopCode, out codeParts))
        {
            issues.Warn(IssueCodes.OcopCodeInvalid,
                $"OCOP product code '{ocopCode}' is neither province-commune-seq-year nor province-district-commune-seq-year");
        }

        var isService = productSet == ProductSets.ServiceSet;
        if (isService)
        {
            issues.Info(IssueCodes.Service, "group VI service (community tourism): not shippable, listed only on channels that sell services");
        }

        CheckPriceAndStock(source, issues);
        var (gtin, gtinAsReceived) = CheckGtin(Text(source.Gtin), issues);
        var description = NormalizeDescription(Text(source.Description), issues);
        var images = CheckImages(source.Images.Select(Text).OfType<string>().ToList(), issues);
        var traceability = source.Traceability is null
            ? null
            : new TraceabilityData(Text(source.Traceability.Code), Text(source.Traceability.Url));
        if (stars >= 4 && !isService && traceability?.Code is null)
        {
            issues.Warn(IssueCodes.TraceabilityMissing, $"a {stars}★ product must carry an electronic traceability code; none was given");
        }

        var data = new ProductData
        {
            OcopCode = ocopCode,
            OcopCodeParts = codeParts,
            Name = name,
            NameEn = Text(source.NameEn),
            Producer = producer,
            Group = Text(source.Group),
            GroupCode = groupCode,
            ProductSet = productSet,
            Subgroup = Text(source.Subgroup),
            IsService = isService,
            Stars = stars,
            Certificate = certificate,
            Gtin = gtin,
            GtinAsReceived = gtinAsReceived,
            Unit = Text(source.Unit),
            NetWeight = Quantity(source.NetWeight, Text),
            Volume = Quantity(source.Volume, Text),
            PriceVnd = source.PriceVnd,
            Stock = source.Stock,
            Images = images,
            DescriptionHtml = description?.Html,
            DescriptionText = description?.Text,
            ShelfLifeDays = source.ShelfLifeDays,
            Standards = [.. source.Standards.Select(Text).OfType<string>()],
            Traceability = traceability,
        };

        if (nfcChanged)
        {
            issues.Info(IssueCodes.TextNormalized, "text was not in Unicode NFC (decomposed accents) and was normalised");
        }

        var outcome = issues.Outcome();
        return new NormalizedRecord(registryId, outcome, issues.Issues, data, record.SourceJson,
            ContentHasher.Hash(data, outcome, issues.Issues));
    }

    private static (int? ProductSet, string? GroupCode) CheckProductSet(RegistryProductRecord source, IssueCollector issues)
    {
        if (source.ProductSet is not { } set)
        {
            issues.Quarantine(IssueCodes.ProductSetMissing, "productSet (1–26) missing");
            return (null, source.GroupCode);
        }

        var group = ProductSets.GroupCodeOf(set);
        if (group is null)
        {
            issues.Quarantine(IssueCodes.ProductSetInvalid, $"productSet {set} is not one of the 26 OCOP product sets");
            return (null, source.GroupCode);
        }

        if (source.GroupCode is not null && !string.Equals(source.GroupCode.Trim(), group, StringComparison.Ordinal))
        {
            issues.Warn(IssueCodes.GroupMismatch,
                $"groupCode '{source.GroupCode}' does not match product set {set} (group {group}); group {group} is used");
        }

        return (set, group);
    }

    private static int? CheckStars(int? stars, IssueCollector issues)
    {
        switch (stars)
        {
            case null:
                issues.Quarantine(IssueCodes.StarsMissing, "stars missing");
                return null;
            case < 1 or > 5:
                issues.Quarantine(IssueCodes.StarsInvalid, $"stars {stars} is not a star rating (1–5)");
                return null;
            case < 3:
                issues.Ineligible(IssueCodes.StarsNotCertified, $"{stars}★ products are not certified (only 3–5★ carry the OCOP mark)");
                return stars;
            default:
                return stars;
        }
    }

    private static QuantityData? Quantity(RegistryQuantity? quantity, Func<string?, string?> text) =>
        quantity is { Value: { } value } && text(quantity.Unit) is { } unit ? new QuantityData(value, unit) : null;

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
