using System.Globalization;
using Microsoft.Extensions.Options;

namespace Ocop.MarketSync.Marketplaces.Sendo;

/// <summary>Checks each Sendo channel's options (the options name is the channel id), naming the key at fault.</summary>
internal sealed class SendoChannelOptionsValidator : IValidateOptions<SendoChannelOptions>
{
    public ValidateOptionsResult Validate(string? name, SendoChannelOptions options)
    {
        var section = $"Channels:{name}:Sendo:";
        var failures = new List<string>();
        void Check(bool ok, string key, object? value, string rule)
        {
            if (!ok)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}{key} must be {rule} (got '{value}')."));
            }
        }

        Check(options.DefaultWeightGrams is >= 1 and <= 1_000_000, nameof(options.DefaultWeightGrams), options.DefaultWeightGrams, "from 1 to 1000000");
        Check(options.UnitId >= 1, nameof(options.UnitId), options.UnitId, "a Sendo unit id (1 or more)");
        Check(options.ProductUrlTemplate.Contains("{productId}", StringComparison.Ordinal), nameof(options.ProductUrlTemplate),
            options.ProductUrlTemplate, "a URL containing {productId}");
        Check(options.RequestsPerSecond is > 0 and <= 10, nameof(options.RequestsPerSecond), options.RequestsPerSecond, "above 0 and at most 10");
        Check(options.PendingReviewRetryAfter >= TimeSpan.FromMinutes(1) && options.PendingReviewRetryAfter <= TimeSpan.FromDays(7),
            nameof(options.PendingReviewRetryAfter), options.PendingReviewRetryAfter, "from 1 minute to 7 days");
        Check(options.SearchFrom.Year >= 2010, nameof(options.SearchFrom), options.SearchFrom, "a day from 2010 on");
        Check(options.AttemptTimeout >= TimeSpan.FromSeconds(1) && options.AttemptTimeout <= TimeSpan.FromMinutes(10),
            nameof(options.AttemptTimeout), options.AttemptTimeout, "from 1 s to 10 minutes");
        Check(options.ReadRetryDelay >= TimeSpan.Zero && options.ReadRetryDelay <= TimeSpan.FromMinutes(1),
            nameof(options.ReadRetryDelay), options.ReadRetryDelay, "from 0 to 1 minute");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
