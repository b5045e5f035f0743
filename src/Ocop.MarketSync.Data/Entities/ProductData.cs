namespace Ocop.MarketSync.Data.Entities;

/// <summary>
/// The normalised registry record (all text NFC, HTML sanitised, province mapped), stored as one JSON document.
/// </summary>
/// <remarks>
/// Only the fields that are queried live in their own columns on <see cref="Product"/>; the rest is this document,
/// so that adding a registry field does not need a migration of every consumer. Field order is part of the
/// content hash: append new fields at the end.
/// </remarks>
public sealed record ProductData
{
    public string? OcopCode { get; init; }
    public OcopCodeParts? OcopCodeParts { get; init; }
    public string? Name { get; init; }
    public string? NameEn { get; init; }
    public ProducerData? Producer { get; init; }
    public string? Group { get; init; }
    public string? GroupCode { get; init; }
    public int? ProductSet { get; init; }
    public string? Subgroup { get; init; }
    public bool IsService { get; init; }
    public int? Stars { get; init; }
    public CertificateData? Certificate { get; init; }
    public string? Gtin { get; init; }
    public string? GtinAsReceived { get; init; }
    public string? Unit { get; init; }
    public QuantityData? NetWeight { get; init; }
    public QuantityData? Volume { get; init; }
    public long? PriceVnd { get; init; }
    public int? Stock { get; init; }
    public IReadOnlyList<string> Images { get; init; } = [];
    public string? DescriptionHtml { get; init; }
    public string? DescriptionText { get; init; }
    public int? ShelfLifeDays { get; init; }
    public IReadOnlyList<string> Standards { get; init; } = [];
    public TraceabilityData? Traceability { get; init; }
}

/// <summary>The producer (chủ thể OCOP) and its address, as received and mapped to the 34 current provinces.</summary>
public sealed record ProducerData
{
    public string? Name { get; init; }
    public string? Type { get; init; }

    /// <summary>Province text exactly as the registry sent it (may be a pre-2025 province).</summary>
    public string? ProvinceAsReceived { get; init; }

    /// <summary>One of the 34 provinces in force since 1 Jul 2025, or null when the name is unknown.</summary>
    public string? Province { get; init; }

    public string? ProvinceCode { get; init; }
    public string? Commune { get; init; }
}

/// <summary>The OCOP recognition decision. Issuer text is kept verbatim: many issuers no longer exist.</summary>
public sealed record CertificateData
{
    public string? DecisionNumber { get; init; }
    public DateOnly? IssuedOn { get; init; }

    /// <summary>Last valid day as the registry states it.</summary>
    public DateOnly? ExpiresOn { get; init; }

    /// <summary>Last valid day by our rule (issue + 36 months − 1 day by default), never later than <see cref="ExpiresOn"/>.</summary>
    public DateOnly? ValidUntil { get; init; }

    public string? IssuedBy { get; init; }

    /// <summary>The registry's status flag. Informational only: validity is decided from dates and revocation.</summary>
    public string? StatusFlag { get; init; }

    public RevocationData? Revocation { get; init; }
}

public sealed record RevocationData
{
    public string? DecisionNumber { get; init; }
    public DateOnly? RevokedOn { get; init; }
    public string? IssuedBy { get; init; }
    public string? Reason { get; init; }
}

public sealed record QuantityData(decimal Value, string Unit);

public sealed record TraceabilityData(string? Code, string? Url);

/// <summary>
/// An OCOP product code split by hyphens: <c>T-X-STT-YYYY</c> since 2025, <c>T-H-X-STT-YYYY</c> before.
/// </summary>
public sealed record OcopCodeParts(string ProvinceCode, string? DistrictCode, string CommuneCode, int Sequence, int Year);
