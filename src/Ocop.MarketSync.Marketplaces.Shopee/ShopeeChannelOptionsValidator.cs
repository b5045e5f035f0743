using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Marketplaces.Registration;

namespace Ocop.MarketSync.Marketplaces.Shopee;

/// <summary>
/// Checks each Shopee channel (the options name is the channel id), including that its secrets exist under
/// <c>{CredentialsRef}</c> when the channel is enabled; every message names the exact key at fault, never a secret's value.
/// </summary>
internal sealed class ShopeeChannelOptionsValidator(IConfiguration configuration, MarketplaceChannelRegistry<ShopeeChannelOptions> registry)
    : IValidateOptions<ShopeeChannelOptions>
{
    public ValidateOptionsResult Validate(string? name, ShopeeChannelOptions options)
    {
        if (name is null || !registry.TryGet(name, out var channel))
        {
            return ValidateOptionsResult.Skip;
        }

        var section = $"Channels:{name}:Shopee:";
        var failures = new List<string>();
        void Check(bool ok, string key, object? value, string rule)
        {
            if (!ok)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}{key} must be {rule} (got {value ?? "nothing"})."));
            }
        }

        Check(options.ShopId > 0, nameof(options.ShopId), options.ShopId, "the shop's numeric shop_id");
        Check(options.LogisticIds.Count > 0 && options.LogisticIds.All(id => id > 0), nameof(options.LogisticIds),
            string.Join(',', options.LogisticIds), "at least one logistics channel id (Shopee requires one enabled channel)");
        Check(options.DefaultWeightKg is > 0 and <= 1000, nameof(options.DefaultWeightKg), options.DefaultWeightKg, "above 0 and at most 1000 kg");
        Check(!string.IsNullOrWhiteSpace(options.BrandName), nameof(options.BrandName), options.BrandName, "set (\"No Brand\" with BrandId 0)");
        Check(options.TitleMaxChars is >= 10 and <= 255, nameof(options.TitleMaxChars), options.TitleMaxChars, "from 10 to 255");
        Check(options.DescriptionMaxChars is >= 100 and <= 10_000, nameof(options.DescriptionMaxChars), options.DescriptionMaxChars, "from 100 to 10000");
        Check(options.RequestsPerSecond is > 0 and <= 1000, nameof(options.RequestsPerSecond), options.RequestsPerSecond, "above 0 and at most 1000");
        Check(options.AttemptTimeout >= TimeSpan.FromMilliseconds(10) && options.AttemptTimeout <= TimeSpan.FromMinutes(10),
            nameof(options.AttemptTimeout), options.AttemptTimeout, "from 10 ms to 10 minutes");
        Check(options.ReadRetryDelay >= TimeSpan.Zero && options.ReadRetryDelay <= TimeSpan.FromMinutes(1),
            nameof(options.ReadRetryDelay), options.ReadRetryDelay, "from 0 to 1 minute");
        Check(options.PromotionRetryAfter > TimeSpan.Zero, nameof(options.PromotionRetryAfter), options.PromotionRetryAfter, "positive");
        Check(options.ReconcileWindow >= TimeSpan.FromMinutes(1) && options.ReconcileWindow <= TimeSpan.FromDays(15),
            nameof(options.ReconcileWindow), options.ReconcileWindow, "from 1 minute to 15 days");
        var unmapped = options.RequiredAttributes.Where(key => !options.AttributeIds.ContainsKey(key)).ToList();
        Check(unmapped.Count == 0, nameof(options.RequiredAttributes), string.Join(',', unmapped), "keys that also have an AttributeIds entry");
        foreach (var (category, keys) in options.RequiredAttributesByCategory)
        {
            var missing = keys.Where(key => !options.AttributeIds.ContainsKey(key)).ToList();
            Check(missing.Count == 0, $"{nameof(options.RequiredAttributesByCategory)}:{category}", string.Join(',', missing),
                "keys that also have an AttributeIds entry");
        }
        // A disabled channel is never called: its secrets may be absent (`channel authorize` still names them if used).
        if (channel.Enabled && ShopeeCredentials.TryRead(configuration, channel.CredentialsRef, out var problem) is null)
        {
            failures.Add($"Channels:{name}: {problem}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
