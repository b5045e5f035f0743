namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>
/// The limits and behaviour of one sandbox marketplace shop. The defaults are the limits the sandbox adapter
/// publishes as its capabilities; change both together.
/// </summary>
public sealed class MarketplaceSandboxOptions
{
    /// <summary>Most items per batch-create call. Default 50.</summary>
    public int MaxCreateBatch { get; init; } = 50;

    /// <summary>Most items per batch-update call (content, price, stock, status). Default 50.</summary>
    public int MaxUpdateBatch { get; init; } = 50;

    /// <summary>Most SKUs per by-sku lookup. Default 100.</summary>
    public int MaxLookupSkus { get; init; } = 100;

    /// <summary>Largest page size of the item listing, also the size when none is asked. Default 100.</summary>
    public int MaxPageSize { get; init; } = 100;

    /// <summary>Sustained API requests per second (token bucket); 0 turns the limit off. Default 50.</summary>
    public double RequestsPerSecond { get; init; } = 50;

    /// <summary>Requests allowed in a burst (the bucket's size). Default 50.</summary>
    public int Burst { get; init; } = 50;

    /// <summary>Title limit in characters (Unicode scalar values). Default 120.</summary>
    public int TitleMaxChars { get; init; } = 120;

    /// <summary>Title limit in UTF-8 bytes: Vietnamese letters take 2–3 bytes each. Default 255.</summary>
    public int TitleMaxBytes { get; init; } = 255;

    public int DescriptionMaxChars { get; init; } = 3000;

    public int DescriptionMaxBytes { get; init; } = 10000;

    /// <summary>Whether descriptions may carry HTML tags. Default false: plain text only, as most marketplaces.</summary>
    public bool AcceptsHtmlDescription { get; init; }

    /// <summary>The categories the marketplace knows; empty accepts any category id.</summary>
    public IReadOnlySet<string> KnownCategories { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>When set, every API call must carry <c>Authorization: Bearer {AccessToken}</c>, or gets HTTP 401.</summary>
    public string? AccessToken { get; init; }

    /// <summary>Where an item's public page is: the item URL is this plus the remote id.</summary>
    public Uri ItemUrlBase { get; init; } = new("https://marketplace.sandbox.invalid/item/");

    /// <summary>
    /// Whether creates and content updates take only image ids this shop issued (<c>POST /api/v1/media/upload-image</c>),
    /// as Shopee and TikTok Shop take only their own uploads: an item with any other image is refused per item with
    /// <see cref="SandboxErrorCodes.ImageNotUploaded"/>. Default false: images are taken as given.
    /// </summary>
    public bool RequireUploadedImages { get; init; }

    /// <summary>Where uploaded images are served: an image's URL is this plus its id.</summary>
    public Uri ImageUrlBase { get; init; } = new("https://cdn.marketplace.sandbox.invalid/img/");

    /// <summary>The faults injected from the start; change them at run time through <see cref="MarketplaceSandbox.Faults"/>.</summary>
    public MarketplaceSandboxFaultOptions Faults { get; init; } = new();
}
