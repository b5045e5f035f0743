namespace Ocop.MarketSync.Marketplaces.Sandbox.Api;

/// <summary>Items of a lookup or a page; <see cref="NextPageToken"/> is null on the last page.</summary>
internal sealed record WireItemList(IReadOnlyList<WireItem>? Items, string? NextPageToken);
