using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Api.Listings;

/// <summary>A product on one channel: where it stands, its link, and why it is not (yet) as desired.</summary>
public sealed record ListingDto(
    long Id,
    string Channel,
    string? Marketplace,
    string RegistryId,
    string SellerSku,
    ListingState State,
    string? RemoteId,
    string? Url,
    bool DesiredActive,
    string DesiredTitle,
    long DesiredPriceVnd,
    long? HeldPriceVnd,
    int DesiredStock,
    IReadOnlyList<ProductIssue> Reasons,
    bool InSync,
    DateTime? LastPushedAt,
    string? LastError,
    string? LastErrorKind,
    int AttemptCount,
    DateTime? NextAttemptAt,
    ListingReviewDto? Review)
{
    public static ListingDto From(Listing l, string? marketplace) => new(
        l.Id, l.ChannelId, marketplace, l.RegistryId, l.SellerSku, l.State, l.RemoteId, l.RemoteUrl,
        l.Desired.Active, l.Desired.Title, l.Desired.PriceVnd, l.Desired.HeldPriceVnd, l.Desired.Stock, l.Desired.Reasons, !l.Dirty,
        l.LastPushedAt, l.LastError, l.LastErrorKind, l.AttemptCount,
        l.NextAttemptAt == Sync.Listings.Push.RetryPolicy.Parked ? null : l.NextAttemptAt,
        l.ReviewTicket is null ? null : new ListingReviewDto(l.ReviewTicket, l.ReviewState, l.ReviewSince, l.ReviewCheckedAt));
}

/// <summary>Content the marketplace is reviewing (Tiki): a product request, or new content of a live item.</summary>
/// <param name="Ticket">The marketplace's ticket (Tiki: the track id), to look it up in seller centre.</param>
/// <param name="State">The marketplace's own name for where it stands, as last asked (null until first asked).</param>
public sealed record ListingReviewDto(string Ticket, string? State, DateTime? Since, DateTime? CheckedAt);

/// <summary>A channel with its listings counted by state, and its marketplace authorisation.</summary>
public sealed record ChannelDto(
    string Id,
    string Marketplace,
    bool Enabled,
    IReadOnlyDictionary<ListingState, int> Listings,
    int Dirty,
    ChannelAuthorizationDto? Authorization,
    ChannelHealthDto Health,
    ChannelPushRunDto? LastPush);

/// <summary>
/// The channel's last push run that did something (runs with nothing to do are not kept). Times are UTC;
/// <paramref name="DurationSeconds"/> covers planning and pushing.
/// </summary>
/// <param name="Updated">Listings whose price, stock, content or status was updated on the marketplace.</param>
/// <param name="Adopted">Listings found on the marketplace by their SKU and taken over instead of created again.</param>
/// <param name="Throttled">Of <paramref name="Failed"/>, those the marketplace rate-limited (they retry after its window).</param>
/// <param name="Deferred">Creates held back by the marketplace's daily quota until the next day.</param>
/// <param name="StoppedBy">Why the run stopped early (<c>AuthExpired</c>, <c>Misconfigured</c>), or null.</param>
public sealed record ChannelPushRunDto(
    DateTime StartedAt,
    DateTime FinishedAt,
    double DurationSeconds,
    int Claimed,
    int Created,
    int Updated,
    int Adopted,
    int Failed,
    int Throttled,
    int Deferred,
    int Calls,
    int WriteBacks,
    string? StoppedBy,
    string? StopReason)
{
    public static ChannelPushRunDto From(ChannelPushRun r) => new(
        r.StartedAt, r.FinishedAt, Math.Round((r.FinishedAt - r.StartedAt).TotalSeconds, 1),
        r.Claimed, r.Created, r.Updated, r.Adopted, r.Failed, r.Throttled, r.Deferred, r.Calls, r.WriteBacks, r.StoppedBy, r.StopReason);
}

/// <param name="State"><c>Ok</c>, or <c>Stopped</c>: the channel cannot push until a person fixes <paramref name="Code"/> (the other channels keep working).</param>
/// <param name="Code">Why it stopped: <c>Misconfigured</c> (a key or credential in configuration), <c>AuthExpired</c> (run <c>channel authorize</c>).</param>
/// <param name="Since">When it stopped (UTC).</param>
public sealed record ChannelHealthDto(string State, string? Code, string? Reason, DateTime? Since)
{
    public static readonly ChannelHealthDto Ok = new("Ok", null, null, null);

    public static ChannelHealthDto From(OperationalAlert? stopped) =>
        stopped is null ? Ok : new("Stopped", stopped.Code, stopped.Reason, stopped.Since);
}

/// <param name="Status">Authorized, or NeedsReauth (run <c>channel authorize</c> again; nothing is pushed meanwhile).</param>
public sealed record ChannelAuthorizationDto(string Status, string? Reason, DateTime AccessTokenExpiresAt, DateTime? RefreshTokenExpiresAt, DateTime UpdatedAt)
{
    public static ChannelAuthorizationDto From(ChannelAuthorization a) =>
        new(a.Status.ToString(), a.Reason, a.AccessTokenExpiresAt, a.RefreshTokenExpiresAt, a.UpdatedAt);
}
