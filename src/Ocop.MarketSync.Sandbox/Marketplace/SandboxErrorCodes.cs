namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>The error codes of the sandbox marketplace, per item and for whole calls.</summary>
public static class SandboxErrorCodes
{
    /// <summary>Per item: no item with that remote id.</summary>
    public const string NotFound = "not_found";

    /// <summary>Per item: the data breaks a rule (title too long, unknown category, banned item…); the message says which.</summary>
    public const string Rejected = "rejected";

    /// <summary>
    /// Per item, with <see cref="MarketplaceSandboxOptions.RequireUploadedImages"/>: an image is not an id this shop
    /// issued (e.g. a picture URL sent as is); the message names it.
    /// </summary>
    public const string ImageNotUploaded = "image_not_uploaded";

    /// <summary>Whole call, HTTP 400: more items than the endpoint accepts.</summary>
    public const string BatchTooLarge = "batch_too_large";

    /// <summary>Whole call, HTTP 400: the body or the query cannot be read.</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>Whole call, HTTP 401.</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>Whole call, HTTP 429 with Retry-After.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>Whole call, HTTP 503.</summary>
    public const string Unavailable = "unavailable";
}
