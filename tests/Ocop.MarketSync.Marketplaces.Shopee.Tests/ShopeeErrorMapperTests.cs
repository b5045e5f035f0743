using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Shopee.Tests;

/// <summary>Every documented Shopee error family (MARKETPLACES.md §2.4) lands in the right kind, with its request id.</summary>
public sealed class ShopeeErrorMapperTests
{
    private static readonly TimeSpan Park = TimeSpan.FromHours(1);

    [Theory]
    [InlineData("error_sign", "Wrong sign.", typeof(MarketplaceError.Misconfigured))]
    [InlineData("error_param", "Invalid timestamp.", typeof(MarketplaceError.Misconfigured))]
    [InlineData("error_param", "There is no shop_id in query or it is invalid.", typeof(MarketplaceError.Misconfigured))]
    [InlineData("error_param_shop_id_not_found", "shop not found", typeof(MarketplaceError.Misconfigured))]
    [InlineData("error_param", "item_name is required.", typeof(MarketplaceError.Rejected))]
    [InlineData("invalid_access_token", "Invalid access_token.", typeof(MarketplaceError.AuthExpired))]
    [InlineData("invalid_acceess_token", "Invalid access_token.", typeof(MarketplaceError.AuthExpired))]
    [InlineData("error_auth", "Invalid access_token.", typeof(MarketplaceError.AuthExpired))]
    // The trap: error_auth carrying a business message is the item's fault, not the authorisation's.
    [InlineData("error_auth", "Stock should be larger than reserved stock.", typeof(MarketplaceError.Rejected))]
    [InlineData("error_auth", "Lack of location_id.", typeof(MarketplaceError.Rejected))]
    [InlineData("error_auth", "cnsc shop not upgraded", typeof(MarketplaceError.Rejected))]
    [InlineData("error_auth", "Shop is in holiday mode.", typeof(MarketplaceError.Deferred))]
    [InlineData("shop_access_expired", "", typeof(MarketplaceError.AuthExpired))]
    [InlineData("refresh_token_expired", "", typeof(MarketplaceError.AuthExpired))]
    [InlineData("error_shop_refresh_token", "", typeof(MarketplaceError.AuthExpired))]
    [InlineData("invalid_code", "", typeof(MarketplaceError.AuthExpired))]
    [InlineData("error_permission", "No permission. Please inform seller to complete the authorization.", typeof(MarketplaceError.AuthExpired))]
    [InlineData("error_permission", "The partner has no permission for this API.", typeof(MarketplaceError.Misconfigured))]
    [InlineData("error_perm_non_admin", "", typeof(MarketplaceError.Misconfigured))]
    [InlineData("error_item_not_found", "Item not found.", typeof(MarketplaceError.NotFound))]
    [InlineData("error_item_or_variation_not_found", "", typeof(MarketplaceError.NotFound))]
    [InlineData("error_busi_update_stock_failed", "check failure_list", typeof(MarketplaceError.Rejected))]
    [InlineData("error_item_not_belong_shop", "", typeof(MarketplaceError.Rejected))]
    [InlineData("error_item_uneditable", "", typeof(MarketplaceError.Rejected))]
    [InlineData("error_edit_item_price_for_item_has_model", "", typeof(MarketplaceError.Rejected))]
    [InlineData("error_invalid_price", "", typeof(MarketplaceError.Rejected))]
    [InlineData("error_price_exceed_max_limitt", "", typeof(MarketplaceError.Rejected))]
    [InlineData("error_name_length_limit", "", typeof(MarketplaceError.Rejected))]
    [InlineData("error_reach_shop_item_limit", "", typeof(MarketplaceError.Rejected))]
    [InlineData("error_cannot_update_price_in_promotion", "", typeof(MarketplaceError.Deferred))]
    [InlineData("error_in_item_promotion_item_price_lock", "", typeof(MarketplaceError.Deferred))]
    [InlineData("error_cannt_edit_price_in_promotion", "", typeof(MarketplaceError.Deferred))]
    [InlineData("error_cannt_edit_stock_in_promotion", "", typeof(MarketplaceError.Deferred))]
    [InlineData("error_holiday_mode_change_stock", "", typeof(MarketplaceError.Deferred))]
    [InlineData("error_server", "", typeof(MarketplaceError.Transient))]
    [InlineData("error_inner", "system is taking some time", typeof(MarketplaceError.Transient))]
    [InlineData("error_inner", "Invalid stock location ID", typeof(MarketplaceError.Rejected))]
    [InlineData("error_system_busy", "", typeof(MarketplaceError.Transient))]
    [InlineData("error_network", "", typeof(MarketplaceError.Transient))]
    [InlineData("error_rate_limit", "Too many requests", typeof(MarketplaceError.RateLimited))]
    [InlineData("ads.rate_limit.exceed_shop_api", "", typeof(MarketplaceError.RateLimited))]
    [InlineData("error_something_new", "never seen before", typeof(MarketplaceError.Rejected))]
    public void FromError_DocumentedError_MapsToItsKindAndKeepsTheRequestId(string error, string message, Type expected)
    {
        var mapped = ShopeeErrorMapper.FromError(error, message, "req-42", Park);

        Assert.IsType(expected, mapped);
        Assert.Equal("req-42", mapped.RequestId);
        Assert.Contains(error, mapped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromError_PromotionLock_ParksForTheConfiguredTime()
    {
        var mapped = ShopeeErrorMapper.FromError("error_cannot_update_price_in_promotion", "", null, TimeSpan.FromMinutes(42));

        Assert.Equal(TimeSpan.FromMinutes(42), Assert.IsType<MarketplaceError.Deferred>(mapped).RetryAfter);
    }

    [Theory]
    [InlineData("Stock should be larger than reserved stock.", typeof(MarketplaceError.Rejected))]
    [InlineData("The item is in an ongoing promotion.", typeof(MarketplaceError.Deferred))]
    [InlineData("Item not found.", typeof(MarketplaceError.NotFound))]
    [InlineData(null, typeof(MarketplaceError.Rejected))]
    public void FromFailedReason_FailureListEntry_MapsByReason(string? reason, Type expected)
    {
        var mapped = ShopeeErrorMapper.FromFailedReason(reason, "req-7", Park);

        Assert.IsType(expected, mapped);
        Assert.Equal("req-7", mapped.RequestId);
    }

    [Theory]
    [InlineData(429, typeof(MarketplaceError.RateLimited))]
    [InlineData(502, typeof(MarketplaceError.Transient))]
    [InlineData(408, typeof(MarketplaceError.Transient))]
    [InlineData(403, typeof(MarketplaceError.AuthExpired))]
    [InlineData(404, typeof(MarketplaceError.Rejected))]
    public void FromStatus_NoShopeeBody_MapsByStatus(int status, Type expected) =>
        Assert.IsType(expected, ShopeeErrorMapper.FromStatus(status, "reason", null));

    [Theory]
    [InlineData("invalid_access_token", "x", true)]
    [InlineData("invalid_acceess_token", "x", true)]
    [InlineData("error_auth", "Invalid access_token.", true)]
    [InlineData("error_auth", "Stock should be larger than reserved stock.", false)]
    [InlineData("error_sign", "Wrong sign.", false)]
    public void IsTokenRejection_Errors_OnlyTokenProblemsAreWorthARefresh(string error, string message, bool expected) =>
        Assert.Equal(expected, ShopeeErrorMapper.IsTokenRejection(error, message));
}
