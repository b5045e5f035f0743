using System.Globalization;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Sendo;

/// <summary>
/// Sendo's product status codes, mapped defensively: sources disagree (§6.5: 0 draft, 1 pending, 2 selling,
/// 3 rejected, 4 cancelled, 5 or 6 deleted), so only what all of them say decides, and the raw code is in every
/// message. Products pending (1), cancelled (4) or deleted (5, 6) cannot be updated (§6.2).
/// </summary>
internal static class SendoProductStatus
{
    public const int Draft = 0;
    public const int Pending = 1;
    public const int Selling = 2;
    public const int Rejected = 3;
    public const int Cancelled = 4;

    public static bool IsDeleted(int? status) => status is 5 or 6;

    /// <summary>Only a selling product is on sale (and then only while <c>stock_availability</c> is true).</summary>
    public static bool IsSelling(int? status) => status == Selling;

    /// <summary>Sendo's moderation refused the product: shown as banned so staff see it.</summary>
    public static bool IsRefused(int? status) => status == Rejected;

    /// <summary>
    /// Why the product cannot be updated now, or null when it can. Pending waits for Sendo's review (Deferred); a
    /// cancelled product is refused for good (Rejected); a deleted one is gone (NotFound). An unknown code is let
    /// through: Sendo refuses what it cannot take, and that refusal is mapped with its own code.
    /// </summary>
    public static MarketplaceError? RefusesUpdate(long productId, int? status, TimeSpan pendingRetryAfter) => status switch
    {
        Pending => new MarketplaceError.Deferred(pendingRetryAfter, Text(productId, status,
            "is pending Sendo's review and cannot be updated until it is decided; the change waits")),
        Cancelled => new MarketplaceError.Rejected(Text(productId, status,
            "was cancelled on Sendo and cannot be updated; a person decides whether to list it anew")),
        5 or 6 => new MarketplaceError.NotFound(Text(productId, status, "was deleted on Sendo")),
        _ => null,
    };

    private static string Text(long productId, int? status, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"Sendo product {productId} {what} (Sendo status {status}).");
}
