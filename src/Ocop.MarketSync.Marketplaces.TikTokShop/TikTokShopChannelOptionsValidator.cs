using System.Globalization;
using Microsoft.Extensions.Options;

namespace Ocop.MarketSync.Marketplaces.TikTokShop;

/// <summary>Checks each TikTok Shop channel's options (the options name is the channel id), naming the key at fault.</summary>
internal sealed class TikTokShopChannelOptionsValidator : IValidateOptions<TikTokShopChannelOptions>
{
    public ValidateOptionsResult Validate(string? name, TikTokShopChannelOptions options)
    {
        var section = $"Channels:{name}:TikTokShop:";
        var failures = new List<string>();
        void Check(bool ok, string key, object? value, string rule)
        {
            if (!ok)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}{key} must be {rule} (got '{value}')."));
            }
        }

        Check(!string.IsNullOrWhiteSpace(options.ShopId), nameof(options.ShopId), options.ShopId, "the shop id TikTok sends in webhooks");
        Check(!string.IsNullOrWhiteSpace(options.WarehouseId), nameof(options.WarehouseId), options.WarehouseId, "a warehouse id of the shop");
        Check(options.AuthBaseUrl.IsAbsoluteUri, nameof(options.AuthBaseUrl), options.AuthBaseUrl, "an absolute URL");
        Check(options.DefaultWeightGrams is >= 1 and <= 100_000, nameof(options.DefaultWeightGrams), options.DefaultWeightGrams, "from 1 to 100000");
        foreach (var (key, value) in new[]
                 {
                     (nameof(options.PackageLengthCm), options.PackageLengthCm),
                     (nameof(options.PackageWidthCm), options.PackageWidthCm),
                     (nameof(options.PackageHeightCm), options.PackageHeightCm),
                 })
        {
            Check(value is >= 1 and <= 500, key, value, "from 1 to 500");
        }

        Check(options.ProductUrlTemplate.Contains("{productId}", StringComparison.Ordinal), nameof(options.ProductUrlTemplate),
            options.ProductUrlTemplate, "a URL containing {productId}");
        Check(options.DailyCreateQuota is null or >= 1, nameof(options.DailyCreateQuota), options.DailyCreateQuota ?? 0, "at least 1 when set");
        Check(options.RequestsPerSecond is > 0 and <= 50, nameof(options.RequestsPerSecond), options.RequestsPerSecond, "above 0 and at most 50");
        Check(options.PromotionLockRetryAfter >= TimeSpan.FromMinutes(1) && options.PromotionLockRetryAfter <= TimeSpan.FromDays(7),
            nameof(options.PromotionLockRetryAfter), options.PromotionLockRetryAfter, "from 1 minute to 7 days");
        Check(options.AttemptTimeout >= TimeSpan.FromSeconds(1) && options.AttemptTimeout <= TimeSpan.FromMinutes(10),
            nameof(options.AttemptTimeout), options.AttemptTimeout, "from 1 s to 10 minutes");
        Check(options.ReadRetryDelay >= TimeSpan.Zero && options.ReadRetryDelay <= TimeSpan.FromMinutes(1),
            nameof(options.ReadRetryDelay), options.ReadRetryDelay, "from 0 to 1 minute");
        foreach (var (key, id) in options.AttributeIds)
        {
            Check(!string.IsNullOrWhiteSpace(id), $"AttributeIds:{key}", id, "a TikTok attribute id");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
