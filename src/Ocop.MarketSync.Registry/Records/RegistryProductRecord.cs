namespace Ocop.MarketSync.Registry.Records;

/// <summary>
/// A registry product in the shape of the contract (DOMAIN.md §5). Every field is optional here: what is
/// required is decided by intake validation, which can then say exactly what is missing.
/// </summary>
public sealed record RegistryProductRecord
{
    public string? RegistryId { get; init; }
    public string? OcopCode { get; init; }
    public string? Name { get; init; }
    public string? NameEn { get; init; }
    public RegistryProducer? Producer { get; init; }
    public string? Group { get; init; }
    public string? GroupCode { get; init; }
    public int? ProductSet { get; init; }
    public string? Subgroup { get; init; }
    public int? Stars { get; init; }
    public RegistryCertificate? Certificate { get; init; }
    public string? Gtin { get; init; }
    public string? Unit { get; init; }
    public RegistryQuantity? NetWeight { get; init; }
    public RegistryQuantity? Volume { get; init; }

    /// <summary>Null when the key is absent (never defaulted to 0).</summary>
    public long? PriceVnd { get; init; }

    public int? Stock { get; init; }
    public IReadOnlyList<string> Images { get; init; } = [];
    public string? Description { get; init; }
    public int? ShelfLifeDays { get; init; }
    public IReadOnlyList<string> Standards { get; init; } = [];
    public RegistryTraceability? Traceability { get; init; }
}

public sealed record RegistryProducer(string? Name, string? Type, string? Province, string? Commune);

public sealed record RegistryCertificate
{
    public string? DecisionNumber { get; init; }
    public DateOnly? IssuedOn { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    public string? IssuedBy { get; init; }
    public string? Status { get; init; }
    public RegistryRevocation? Revocation { get; init; }
}

public sealed record RegistryRevocation(string? DecisionNumber, DateOnly? RevokedOn, string? IssuedBy, string? Reason);

public sealed record RegistryQuantity(decimal? Value, string? Unit);

public sealed record RegistryTraceability(string? Code, string? Url);
