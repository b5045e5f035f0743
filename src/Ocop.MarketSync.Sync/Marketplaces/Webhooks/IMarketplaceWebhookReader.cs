namespace Ocop.MarketSync.Sync.Marketplaces.Webhooks;

/// <summary>
/// Verifies and reads one marketplace's inbound webhook (push) messages. The endpoint acknowledges a valid
/// message at once and queues its hints; a hint is only a reason to read the item back, never data to trust.
/// </summary>
public interface IMarketplaceWebhookReader
{
    /// <summary>The marketplace name, as in channel configuration (<c>shopee</c>, <c>lazada</c>, <c>tiktokshop</c>).</summary>
    string Marketplace { get; }

    /// <summary>
    /// Checks the signature over the raw body exactly as received (never a re-serialisation), then reads the
    /// message. Must not throw on hostile input: a bad signature or unreadable body is a verdict, not an exception.
    /// </summary>
    WebhookVerdict Read(WebhookRequest request);
}

/// <param name="Url">The full URL the marketplace called (Shopee signs it).</param>
/// <param name="Headers">Header names are case-insensitive.</param>
public sealed record WebhookRequest(Uri Url, IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body);

/// <summary>Valid (with its hints, possibly none for message kinds we ignore), or refused with the reason.</summary>
public sealed record WebhookVerdict(bool Valid, IReadOnlyList<MarketplaceHint> Hints, string? RefusedBecause = null)
{
    public static WebhookVerdict Refused(string reason) => new(false, [], reason);

    public static WebhookVerdict Accepted(params IReadOnlyList<MarketplaceHint> hints) => new(true, hints);
}

/// <summary>What a webhook says happened, resolved to one of our channels.</summary>
/// <param name="ChannelId">The channel whose shop the message is about (resolved from the shop id it carries).</param>
/// <param name="RemoteId">The marketplace's item id, when the message names one.</param>
public sealed record MarketplaceHint(string ChannelId, MarketplaceHintKind Kind, string? RemoteId, string? Detail);

public enum MarketplaceHintKind
{
    /// <summary>The item changed on the marketplace (status, audit/QC result, content): read it back.</summary>
    ItemChanged,

    /// <summary>The marketplace banned or deactivated the item.</summary>
    ItemBanned,

    /// <summary>Reserved or locked stock changed (orders, promotions): sellable stock may differ.</summary>
    ReservedStockChanged,

    /// <summary>The shop's authorisation expires soon or was cancelled: a person must re-authorise.</summary>
    AuthorizationExpiring,
}
