namespace Ocop.MarketSync.Data.Entities;

/// <summary>
/// A signed inbound message (registry change notification, marketplace webhook) already accepted. A captured
/// message sent again is recognised by its key and changes nothing; rows expire once the message could no longer
/// be accepted anyway (the signature's clock window) or after the replay window of messages that carry no time.
/// </summary>
public sealed class SeenMessage
{
    /// <summary>Lowercase hex SHA-256 of the source and the signed material; the primary key.</summary>
    public required string Key { get; set; }

    /// <summary>Where it came from, e.g. <c>registry</c> or <c>webhook:shopee</c>.</summary>
    public required string Source { get; set; }

    public DateTime SeenAt { get; set; }

    public DateTime ExpiresAt { get; set; }
}
