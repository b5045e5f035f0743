namespace Ocop.MarketSync.Data.Entities;

/// <summary>
/// The staff audit trail: who retried, approved or kept a price, pushed or reconciled a channel, and when. Written by
/// the one service that performs these actions (console and API alike), in the same transaction as the change.
/// </summary>
public sealed class StaffAction
{
    public long Id { get; set; }
    public DateTime At { get; set; }

    /// <summary>The staff login that acted (the cookie's or the Basic credentials' user name).</summary>
    public required string User { get; set; }

    /// <summary>See <c>StaffActionKinds</c>: <c>retry</c>, <c>approve-price</c>, <c>keep-price</c>, <c>push-now</c>, <c>reconcile-now</c>.</summary>
    public required string Action { get; set; }

    public required string ChannelId { get; set; }

    /// <summary>The listing acted on; null for channel-wide actions.</summary>
    public long? ListingId { get; set; }
    public string? RegistryId { get; set; }

    /// <summary>What changed, for people (e.g. "215000 → 645000 VND").</summary>
    public string? Detail { get; set; }
}
