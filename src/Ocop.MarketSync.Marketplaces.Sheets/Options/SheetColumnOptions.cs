namespace Ocop.MarketSync.Marketplaces.Sheets.Options;

/// <summary>One column of the upload sheet: its header text and either a listing field or a fixed value.</summary>
public sealed class SheetColumnOptions
{
    /// <summary>The header text exactly as the floor's template has it. Required.</summary>
    public string Header { get; set; } = string.Empty;

    /// <summary>The listing field shown in the column; leave unset for a fixed <see cref="Value"/>.</summary>
    public SheetField? Field { get; set; }

    /// <summary>The same text in every data row (e.g. a unit "Hộp", or a shipping class); only without <see cref="Field"/>.</summary>
    public string? Value { get; set; }

    /// <summary>For <see cref="SheetField.Attribute"/>: the listing attribute key (e.g. <c>shelfLifeDays</c>).</summary>
    public string? Attribute { get; set; }
}

/// <summary>What a column shows. Attribute-backed fields read the listing attributes the planner fills.</summary>
public enum SheetField
{
    /// <summary>The add/change/remove/re-add word (<see cref="SheetChannelOptions.Actions"/>).</summary>
    Action,
    SellerSku,

    /// <summary>The floor's own product code, once an export told us it (empty otherwise).</summary>
    FloorProductCode,
    Title,

    /// <summary>Plain text: the channel does not take HTML.</summary>
    Description,

    /// <summary>Whole đồng, a number.</summary>
    Price,
    Stock,
    Category,

    /// <summary>All image URLs joined with <see cref="SheetChannelOptions.ImageSeparator"/>.</summary>
    Images,
    MainImage,

    /// <summary>Attribute <c>ocop.stars</c> (3–5), a number.</summary>
    OcopStars,

    /// <summary>Attribute <c>ocop.code</c>, the OCOP product code.</summary>
    OcopCode,

    /// <summary>Attribute <c>ocop.certificate</c>: the decision number.</summary>
    CertificateNumber,
    CertificateIssuer,

    /// <summary>Attribute <c>ocop.certificateValidUntil</c>, written with <see cref="SheetChannelOptions.DateFormat"/>.</summary>
    CertificateExpiry,

    /// <summary>Attribute <c>producer</c>.</summary>
    Producer,

    /// <summary>Attribute <c>origin.province</c>.</summary>
    Province,
    Gtin,

    /// <summary>Grams, a number.</summary>
    WeightGrams,

    /// <summary>Attribute <c>traceability.url</c>.</summary>
    TraceabilityUrl,

    /// <summary>Any other listing attribute, named by <see cref="SheetColumnOptions.Attribute"/>.</summary>
    Attribute,
}
