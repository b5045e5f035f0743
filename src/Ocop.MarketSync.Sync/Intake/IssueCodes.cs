namespace Ocop.MarketSync.Sync.Intake;

/// <summary>The machine-readable issue codes intake emits. Stable: staff filter and producers' tools match on them.</summary>
public static class IssueCodes
{
    public const string FieldType = "field.type";
    public const string RegistryIdMissing = "registryId.missing";
    public const string RegistryIdDuplicate = "registryId.duplicate";
    public const string NameMarkup = "name.markup";
    public const string NameMissing = "name.missing";
    public const string TextNormalized = "text.normalized";
    public const string ProducerMissing = "producer.missing";
    public const string ProvinceMissing = "province.missing";
    public const string ProvinceUnknown = "province.unknown";
    public const string ProvinceLegacy = "province.legacy";
    public const string OcopCodeMissing = "ocopCode.missing";
    public const string OcopCodeInvalid = "ocopCode.invalid";
    public const string ProductSetMissing = "productSet.missing";
    public const string ProductSetInvalid = "productSet.invalid";
    public const string GroupMismatch = "groupCode.mismatch";
    public const string Service = "product.service";
    public const string StarsMissing = "stars.missing";
    public const string StarsInvalid = "stars.invalid";
    public const string StarsNotCertified = "stars.notCertified";
    public const string CertificateMissing = "certificate.missing";
    public const string CertificateDecisionMissing = "certificate.decisionMissing";
    public const string CertificateIssuedOnMissing = "certificate.issuedOnMissing";
    public const string CertificateExpiryBeyondRule = "certificate.expiryBeyondRule";
    public const string CertificateExpired = "certificate.expired";
    public const string CertificateNotYetValid = "certificate.notYetValid";
    public const string CertificateRevoked = "certificate.revoked";
    public const string CertificateStatusStale = "certificate.statusFlagStale";
    public const string CertificateDatesInconsistent = "certificate.datesInconsistent";
    public const string PriceMissing = "price.missing";
    public const string PriceInvalid = "price.invalid";
    public const string StockMissing = "stock.missing";
    public const string StockNegative = "stock.negative";
    public const string StockZero = "stock.zero";
    public const string GtinInvalid = "gtin.invalid";
    public const string GtinCheckDigit = "gtin.checkDigit";
    public const string DescriptionSanitized = "description.sanitized";
    public const string ImagesInvalid = "images.invalid";
    public const string ImagesMissing = "images.missing";
    public const string TraceabilityMissing = "traceability.missing";
}
