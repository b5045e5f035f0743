namespace Ocop.MarketSync.Marketplaces.TikTokShop.Api;

// Price, stock and status bodies, and the answers of writes.

internal sealed record WirePriceUpdate(IReadOnlyList<WireSkuPrice> Skus);

internal sealed record WireSkuPrice(string Id, WirePrice Price);

internal sealed record WireInventoryUpdate(IReadOnlyList<WireSkuInventory> Skus);

internal sealed record WireSkuInventory(string Id, IReadOnlyList<WireInventory> Inventory);

/// <summary>Body of activate / deactivate (≤ 20 ids).</summary>
internal sealed record WireProductIds(IReadOnlyList<string> ProductIds);

/// <summary>Answer of activate / deactivate: the ids that failed, each with its code.</summary>
internal sealed record WireMutationResult(IReadOnlyList<WireMutationError>? Errors);

internal sealed record WireMutationError(long Code, string? Message, WireMutationErrorDetail? Detail);

internal sealed record WireMutationErrorDetail(string? ProductId);

/// <summary>Answer of create and partial edit.</summary>
internal sealed record WireProductCreated(string? ProductId, IReadOnlyList<WireSkuRef>? Skus);

internal sealed record WireSkuRef(string? Id, string? SellerSku);

/// <summary>Answer of the image upload.</summary>
internal sealed record WireUploadedImage(string? Uri, string? Url, int Width, int Height);
