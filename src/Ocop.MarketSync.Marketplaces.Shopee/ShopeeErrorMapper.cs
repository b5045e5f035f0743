using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Shopee;

/// <summary>
/// Shopee's <c>error</c> strings (MARKETPLACES.md §2.4) in the port's taxonomy. Shopee decides success by the body,
/// not the HTTP status, so the body's error wins; the status only matters when there is no readable body.
/// </summary>
internal static class ShopeeErrorMapper
{
    /// <summary>Shopee sends no Retry-After; its throttles recover within seconds.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    private static readonly string[] PromotionLocks =
    [
        "error_cannot_update_price_in_promotion", "error_in_item_promotion_item_price_lock",
        "error_cannt_edit_price_in_promotion", "error_cannt_edit_stock_in_promotion", "error_holiday_mode_change_stock",
    ];

    private static readonly string[] AuthGone =
    [
        "shop_access_expired", "refresh_token_expired", "error_shop_refresh_token", "invalid_code",
        "invalid_access_token", "invalid_acceess_token",
    ];

    private static readonly string[] TransientErrors = ["error_server", "error_inner", "error_system_busy", "error_network"];

    private static readonly string[] NotFoundErrors = ["error_item_not_found", "error_item_or_variation_not_found"];

    /// <summary>An access token Shopee refused: worth one refresh and one retry (the token source refreshes once).</summary>
    public static bool IsTokenRejection(string? error, string? message) =>
        error is "invalid_access_token" or "invalid_acceess_token"
        || (error == "error_auth" && IsTokenMessage(message));

    /// <summary>The taxonomy kind of a non-empty <c>error</c>.</summary>
    public static MarketplaceError FromError(string error, string? message, string? requestId, TimeSpan promotionRetryAfter)
    {
        var text = string.IsNullOrEmpty(message) ? error : $"{error}: {message}";
        MarketplaceError mapped = error switch
        {
            _ when error.Contains("rate_limit", StringComparison.OrdinalIgnoreCase) || error == "error_limit"
                || Mentions(message, "too many request") => new MarketplaceError.RateLimited(DefaultRetryAfter, text),
            // A wrong sign is our bug or a wrong key: every call will fail the same way.
            "error_sign" => new MarketplaceError.Misconfigured(text),
            // An invalid or expired timestamp means our clock drifted; a shop_id Shopee does not know is config.
            "error_param" when Mentions(message, "timestamp") || Mentions(message, "shop_id") || Mentions(message, "partner_id")
                => new MarketplaceError.Misconfigured(text),
            "error_param_shop_id_not_found" or "error_param_partner_id" => new MarketplaceError.Misconfigured(text),
            _ when PromotionLocks.Contains(error) => new MarketplaceError.Deferred(promotionRetryAfter, text),
            _ when AuthGone.Contains(error) => new MarketplaceError.AuthExpired(text),
            // error_auth is overloaded: update_stock reports business failures under it ("Stock should be larger than
            // reserved stock", "Lack of location_id", "cnsc shop not upgraded"). Only a token message means auth.
            "error_auth" when Mentions(message, "holiday") => new MarketplaceError.Deferred(promotionRetryAfter, text),
            "error_auth" when IsTokenMessage(message) => new MarketplaceError.AuthExpired(text),
            "error_auth" => new MarketplaceError.Rejected(text),
            "error_permission" or "error_perm_non_admin" when Mentions(message, "authoriz") || Mentions(message, "expire")
                => new MarketplaceError.AuthExpired(text),
            // The app lacks the API permission: a person fixes it in the console, re-authorising cannot.
            "error_permission" or "error_perm_non_admin" => new MarketplaceError.Misconfigured(text),
            _ when NotFoundErrors.Contains(error) => new MarketplaceError.NotFound(text),
            // error_inner also says "Invalid stock location ID", which no retry can fix.
            "error_inner" when Mentions(message, "location") => new MarketplaceError.Rejected(text),
            _ when TransientErrors.Contains(error) => new MarketplaceError.Transient(text),
            // error_param, error_busi_*, error_item_*, error_invalid_*, limits and anything new: staff must look.
            _ => new MarketplaceError.Rejected(text),
        };
        return mapped with { RequestId = requestId };
    }

    /// <summary>One entry of a <c>failure_list</c>: its <c>failed_reason</c> is free text.</summary>
    public static MarketplaceError FromFailedReason(string? reason, string? requestId, TimeSpan promotionRetryAfter)
    {
        var text = string.IsNullOrEmpty(reason) ? "failed without a reason" : reason;
        MarketplaceError mapped = text switch
        {
            _ when Mentions(text, "promotion") || Mentions(text, "holiday") => new MarketplaceError.Deferred(promotionRetryAfter, text),
            _ when Mentions(text, "not found") || Mentions(text, "not exist") => new MarketplaceError.NotFound(text),
            _ => new MarketplaceError.Rejected(text),
        };
        return mapped with { RequestId = requestId };
    }

    /// <summary>A non-success HTTP status without a Shopee body (a proxy's page, an empty 502).</summary>
    public static MarketplaceError FromStatus(int status, string? reason, string? requestId)
    {
        var text = $"HTTP {status} {reason}: no Shopee error body";
        MarketplaceError mapped = status switch
        {
            429 => new MarketplaceError.RateLimited(DefaultRetryAfter, text),
            408 or >= 500 => new MarketplaceError.Transient(text),
            401 or 403 => new MarketplaceError.AuthExpired(text),
            _ => new MarketplaceError.Rejected(text),
        };
        return mapped with { RequestId = requestId };
    }

    private static bool IsTokenMessage(string? message) =>
        Mentions(message, "access_token") || Mentions(message, "access token") || Mentions(message, "invalid token")
        || Mentions(message, "token expired") || Mentions(message, "token is expired");

    private static bool Mentions(string? message, string fragment) =>
        message is not null && message.Contains(fragment, StringComparison.OrdinalIgnoreCase);
}
