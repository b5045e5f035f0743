namespace Ocop.MarketSync.Marketplaces.Tiki.Api;

/// <summary>
/// <c>GET /integration/v2.1/tracking/{track_id}</c>: the request's state and, once approved, its product id; once
/// rejected, the reasons as codes and texts (e.g. 420 "Seller product code is not unique"). The exact field names of
/// the product id and the reasons are not in the material we have [unverified]: both spellings below are read.
/// </summary>
internal sealed record WireTracking(
    string? TrackId,
    string? State,
    string? Reason,
    IReadOnlyList<WireRejectReason>? RejectedReasons,
    long? ProductId,
    IReadOnlyList<WireTrackedProduct>? Products) : WireAnswer;

internal sealed record WireRejectReason(int? Code, string? Reason, string? Text);

internal sealed record WireTrackedProduct(long ProductId, string? OriginalSku);
