using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Sync.Listings.Journal;

/// <summary>
/// Builds the audit rows of push attempts: what was sent for which aspect, and what came back. The rows are added
/// to the pusher's unit of work, so they commit with the result they describe and a crash loses neither alone.
/// </summary>
internal static class PushAudit
{
    public const string Ok = "ok";

    public static PushAttempt Attempt(Listing listing, string operation, object sent, ItemResult? result, MarketplaceError? error, DateTime at) => new()
    {
        ListingId = listing.Id,
        ChannelId = listing.ChannelId,
        Operation = operation,
        Sent = JsonSerializer.Serialize(sent, JsonColumn.Options),
        Result = error is null ? Ok : error.GetType().Name,
        Message = Truncate(error?.Message, 2000),
        RequestId = Truncate(error?.RequestId ?? result?.RequestId, 128),
        RemoteId = result?.RemoteId ?? listing.RemoteId,
        At = at,
    };

    public static object Stock(Listing listing) => new { stock = listing.Desired.Stock };

    public static object Status(Listing listing) => new { active = listing.Desired.Active };

    public static object Price(Listing listing) => new { priceVnd = listing.Desired.PriceVnd };

    public static object Lookup(Listing listing) => new { sellerSku = listing.SellerSku };

    /// <summary>
    /// The content as sent, except the description, which is kept as its length and SHA-256: it is the bulk of every
    /// row (kilobytes of HTML) and the same text is in the listing's desired state when it was sent.
    /// </summary>
    public static object Content(ListingContent content, long? priceVnd = null, int? stock = null, bool? active = null) => new
    {
        sellerSku = content.SellerSku,
        title = content.Title,
        categoryId = content.CategoryId,
        images = content.Images,
        gtin = content.Gtin,
        weightGrams = content.WeightGrams,
        attributes = content.Attributes,
        descriptionLength = content.Description.Length,
        descriptionSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content.Description))),
        priceVnd,
        stock,
        active,
    };

    private static string? Truncate(string? text, int max) =>
        text is null || text.Length <= max ? text : text[..max];

    public static string Describe(PushAttempt attempt) =>
        string.Create(CultureInfo.InvariantCulture, $"{attempt.Operation} → {attempt.Result}");
}
