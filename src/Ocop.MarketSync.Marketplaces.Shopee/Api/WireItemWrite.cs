namespace Ocop.MarketSync.Marketplaces.Shopee.Api;

/// <summary>The body of <c>add_item</c>, and of <c>update_item</c> (with <see cref="ItemId"/>, without price and stock).</summary>
internal sealed record WireItemWrite
{
    public long? ItemId { get; init; }
    public required string ItemName { get; init; }
    public required string Description { get; init; }
    public required string ItemSku { get; init; }
    public long? CategoryId { get; init; }
    public long? OriginalPrice { get; init; }
    public required decimal Weight { get; init; }
    public WireDimension? Dimension { get; init; }
    public required WireImage Image { get; init; }
    public WireBrand? Brand { get; init; }
    public IReadOnlyList<WireLogistic>? LogisticInfo { get; init; }
    public required IReadOnlyList<WireAttribute> AttributeList { get; init; }
    public IReadOnlyList<WireSellerStock>? SellerStock { get; init; }
    public string? Condition { get; init; }
    public string? ItemStatus { get; init; }
    public string? Gtin { get; init; }
}

internal sealed record WireDimension(int PackageLength, int PackageWidth, int PackageHeight);

internal sealed record WireImage(IReadOnlyList<string> ImageIdList);

internal sealed record WireBrand(long BrandId, string OriginalBrandName);

internal sealed record WireLogistic(long LogisticId, bool Enabled);

internal sealed record WireAttribute(long AttributeId, IReadOnlyList<WireAttributeValue> AttributeValueList);

internal sealed record WireAttributeValue(long ValueId, string OriginalValueName);

internal sealed record WireSellerStock(int Stock, string? LocationId = null);

internal sealed record WireItemIdResponse(long ItemId);

internal sealed record WireUploadImageResponse(WireImageInfo? ImageInfo);

internal sealed record WireImageInfo(string? ImageId);
