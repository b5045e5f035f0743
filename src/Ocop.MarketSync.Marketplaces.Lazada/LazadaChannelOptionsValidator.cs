using System.Globalization;
using Microsoft.Extensions.Options;

namespace Ocop.MarketSync.Marketplaces.Lazada;

/// <summary>Checks the options of each Lazada channel (the options name is the channel id) and names the exact key at fault.</summary>
internal sealed class LazadaChannelOptionsValidator : IValidateOptions<LazadaChannelOptions>
{
    public ValidateOptionsResult Validate(string? name, LazadaChannelOptions options)
    {
        var section = $"Channels:{name}:Lazada:";
        var failures = new List<string>();
        void Check(bool ok, string key, object? value, string rule)
        {
            if (!ok)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}{key} must be {rule} (got '{value}')."));
            }
        }

        Check(options.AuthBaseUrl is { IsAbsoluteUri: true }, nameof(options.AuthBaseUrl), options.AuthBaseUrl, "an absolute URL");
        Check(options.Country is { Length: 2 }, nameof(options.Country), options.Country, "a two-letter country code such as vn");
        Check(!string.IsNullOrWhiteSpace(options.Brand), nameof(options.Brand), options.Brand, "a brand name (\"No Brand\" outside LazMall)");
        Check(options.DefaultWeightGrams is >= 1 and <= 40_000, nameof(options.DefaultWeightGrams), options.DefaultWeightGrams, "from 1 to 40000 grams");
        Check(options.PackageLengthCm > 0 && options.PackageWidthCm > 0 && options.PackageHeightCm > 0
            && options.PackageLengthCm + options.PackageWidthCm + options.PackageHeightCm <= 300,
            "PackageLengthCm/PackageWidthCm/PackageHeightCm", $"{options.PackageLengthCm}+{options.PackageWidthCm}+{options.PackageHeightCm}",
            "positive with a sum of at most 300 cm");
        Check(options.UpdateBatchSize is >= 1 and <= LazadaCapabilities.MaxSkusPerCall, nameof(options.UpdateBatchSize), options.UpdateBatchSize, "from 1 to 50");
        Check(options.PageSize is >= 1 and <= LazadaCapabilities.MaxPageSize, nameof(options.PageSize), options.PageSize, "from 1 to 50");
        Check(options.OffsetCap is >= 1 and <= LazadaCapabilities.MaxOffset, nameof(options.OffsetCap), options.OffsetCap, "from 1 to 10000");
        Check(options.RequestsPerSecond is > 0 and <= 50, nameof(options.RequestsPerSecond), options.RequestsPerSecond, "above 0 and at most 50");
        Check(options.AttemptTimeout >= TimeSpan.FromSeconds(1) && options.AttemptTimeout <= TimeSpan.FromMinutes(10),
            nameof(options.AttemptTimeout), options.AttemptTimeout, "from 1 s to 10 minutes");
        Check(options.ReadRetryDelay >= TimeSpan.Zero && options.ReadRetryDelay <= TimeSpan.FromMinutes(1),
            nameof(options.ReadRetryDelay), options.ReadRetryDelay, "from 0 to 1 minute");
        Check(options.CampaignLockRetryAfter >= TimeSpan.FromMinutes(1) && options.CampaignLockRetryAfter <= TimeSpan.FromDays(7),
            nameof(options.CampaignLockRetryAfter), options.CampaignLockRetryAfter, "from 1 minute to 7 days");
        foreach (var (ours, theirs) in options.AttributeMap)
        {
            Check(!string.IsNullOrWhiteSpace(theirs), $"AttributeMap:{ours}", theirs, "a Lazada attribute name");
        }

        // A required attribute nothing can fill would refuse every create (of the category) before a single call.
        var fillable = FillableAttributes(options);
        var unfillable = options.RequiredAttributes.Where(a => !fillable.Contains(a)).ToList();
        Check(unfillable.Count == 0, nameof(options.RequiredAttributes), string.Join(',', unfillable), FillableRule);
        foreach (var (category, required) in options.RequiredAttributesByCategory)
        {
            var key = $"{nameof(options.RequiredAttributesByCategory)}:{category}";
            Check(category.Length > 0 && category.All(char.IsAsciiDigit), key, category, "keyed by a Lazada category id (digits only)");
            unfillable = [.. required.Where(a => !fillable.Contains(a))];
            Check(required.Count > 0 && unfillable.Count == 0, key, string.Join(',', unfillable), "a non-empty list of " + FillableRule);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private const string FillableRule = "Lazada attributes a create can carry: name, description, brand, an AttributeMap value, "
        + "a ProductAttributes or SkuAttributes key";

    /// <summary>Every Lazada attribute a create sends (see <see cref="LazadaPayloads.AttributesOf"/>) or a fixed SKU attribute.</summary>
    private static HashSet<string> FillableAttributes(LazadaChannelOptions options) => new(
        ["name", "description", "brand", .. options.AttributeMap.Values, .. options.ProductAttributes.Keys, .. options.SkuAttributes.Keys],
        StringComparer.Ordinal);
}
