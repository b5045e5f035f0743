namespace Ocop.MarketSync.Marketplaces.Sendo.Api;

/// <summary>
/// The product fields this adapter writes and reads, in one place: §6 names <c>id</c>, <c>sku</c>,
/// <c>stock_quantity</c>, <c>stock_availability</c>, <c>description</c>, <c>status</c> and the variant fields; the
/// others are what the integrations found send [unverified against a live shop].
/// </summary>
internal static class WireFields
{
    public const string Id = "id";
    public const string Name = "name";
    public const string Sku = "sku";
    public const string Price = "price";
    public const string Weight = "weight";
    public const string StockQuantity = "stock_quantity";
    public const string StockAvailability = "stock_availability";
    public const string Description = "description";
    public const string CategoryId = "cat_4_id";
    public const string UnitId = "unit_id";
    public const string Avatar = "avatar";
    public const string Pictures = "pictures";
    public const string PictureUrl = "picture_url";
    public const string IsConfigVariant = "is_config_variant";
    public const string Variants = "variants";
    public const string Status = "status";
    public const string UpdatedAt = "updated_at_timestamp";

    /// <summary>The search page: products, and the cursors.</summary>
    public const string Data = "data";
    public const string NextToken = "next_token";
}
