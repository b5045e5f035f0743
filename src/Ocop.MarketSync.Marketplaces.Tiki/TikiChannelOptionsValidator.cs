using System.Globalization;
using Microsoft.Extensions.Options;

namespace Ocop.MarketSync.Marketplaces.Tiki;

/// <summary>Checks each Tiki channel's options (the options name is the channel id), naming the key at fault.</summary>
internal sealed class TikiChannelOptionsValidator : IValidateOptions<TikiChannelOptions>
{
    public ValidateOptionsResult Validate(string? name, TikiChannelOptions options)
    {
        var section = $"Channels:{name}:Tiki:";
        var failures = new List<string>();
        void Check(bool ok, string key, object? value, string rule)
        {
            if (!ok)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}{key} must be {rule} (got '{value}')."));
            }
        }

        Check(long.TryParse(options.WarehouseId, NumberStyles.None, CultureInfo.InvariantCulture, out _), nameof(options.WarehouseId),
            options.WarehouseId, "the numeric id of a seller warehouse");
        Check(options.AuthBaseUrl.IsAbsoluteUri, nameof(options.AuthBaseUrl), options.AuthBaseUrl, "an absolute URL");
        Check(Enum.IsDefined(options.AppType), nameof(options.AppType), options.AppType, "Public or InHouse");
        Check(Enum.IsDefined(options.ClientAuth), nameof(options.ClientAuth), options.ClientAuth, "Basic or Form");
        Check(options.AppType != TikiAppType.Public || options.RedirectUri is { IsAbsoluteUri: true }, nameof(options.RedirectUri),
            options.RedirectUri, "the absolute redirect URI registered for the app (AppType=Public)");
        Check(!string.IsNullOrWhiteSpace(options.InventoryType), nameof(options.InventoryType), options.InventoryType, "a Tiki inventory_type");
        Check(!string.IsNullOrWhiteSpace(options.Brand), nameof(options.Brand), options.Brand, "a brand name");
        Check(options.ProductUrlTemplate.Contains("{productId}", StringComparison.Ordinal), nameof(options.ProductUrlTemplate),
            options.ProductUrlTemplate, "a URL containing {productId}");
        Check(options.RequestsPerSecond is > 0 and <= TikiCapabilities.PublishedRequestsPerSecond, nameof(options.RequestsPerSecond),
            options.RequestsPerSecond, "above 0 and at most 200");
        Check(options.RateLimitRetryAfter >= TimeSpan.FromMilliseconds(100) && options.RateLimitRetryAfter <= TimeSpan.FromMinutes(5),
            nameof(options.RateLimitRetryAfter), options.RateLimitRetryAfter, "from 100 ms to 5 minutes");
        Check(options.AttemptTimeout >= TimeSpan.FromSeconds(1) && options.AttemptTimeout <= TimeSpan.FromMinutes(10),
            nameof(options.AttemptTimeout), options.AttemptTimeout, "from 1 s to 10 minutes");
        Check(options.ReadRetryDelay >= TimeSpan.Zero && options.ReadRetryDelay <= TimeSpan.FromMinutes(1),
            nameof(options.ReadRetryDelay), options.ReadRetryDelay, "from 0 to 1 minute");
        Check(options.ListResultCap is >= 1 and <= TikiCapabilities.ResultCap, nameof(options.ListResultCap), options.ListResultCap, "from 1 to 10000");
        Check(options.ReconcileFrom.Year >= 2010, nameof(options.ReconcileFrom), options.ReconcileFrom, "an instant from 2010 on");
        foreach (var (key, code) in options.AttributeCodes)
        {
            Check(!string.IsNullOrWhiteSpace(code), $"AttributeCodes:{key}", code, "a Tiki attribute code");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
