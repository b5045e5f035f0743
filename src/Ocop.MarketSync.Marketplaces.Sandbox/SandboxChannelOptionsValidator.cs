using System.Globalization;
using Microsoft.Extensions.Options;

namespace Ocop.MarketSync.Marketplaces.Sandbox;

/// <summary>Checks the options of each sandbox channel (the options name is the channel id) and names the exact key at fault.</summary>
internal sealed class SandboxChannelOptionsValidator : IValidateOptions<SandboxChannelOptions>
{
    public ValidateOptionsResult Validate(string? name, SandboxChannelOptions options)
    {
        var section = $"Channels:{name}:Sandbox:";
        var failures = new List<string>();
        void Check(bool ok, string key, object value, string rule)
        {
            if (!ok)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}{key} must be {rule} (got {value})."));
            }
        }

        Check(options.WriteBatchSize is >= 1 and <= 1000, nameof(options.WriteBatchSize), options.WriteBatchSize, "from 1 to 1000");
        Check(options.LookupBatchSize is >= 1 and <= 1000, nameof(options.LookupBatchSize), options.LookupBatchSize, "from 1 to 1000");
        Check(options.PageSize is >= 1 and <= 1000, nameof(options.PageSize), options.PageSize, "from 1 to 1000");
        Check(options.DailyCreateQuota is null or >= 1, nameof(options.DailyCreateQuota), options.DailyCreateQuota ?? 0, "at least 1 when set");
        Check(options.MaxPriceVnd >= 1_000, nameof(options.MaxPriceVnd), options.MaxPriceVnd, "at least 1000 đồng");
        Check(options.MaxStock >= 1, nameof(options.MaxStock), options.MaxStock, "at least 1");
        Check(options.RequestsPerSecond is > 0 and <= 10_000, nameof(options.RequestsPerSecond), options.RequestsPerSecond, "above 0 and at most 10000");
        Check(options.AttemptTimeout >= TimeSpan.FromMilliseconds(10) && options.AttemptTimeout <= TimeSpan.FromMinutes(10),
            nameof(options.AttemptTimeout), options.AttemptTimeout, "from 10 ms to 10 minutes");
        Check(options.ReadRetryDelay >= TimeSpan.Zero && options.ReadRetryDelay <= TimeSpan.FromMinutes(1),
            nameof(options.ReadRetryDelay), options.ReadRetryDelay, "from 0 to 1 minute");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
