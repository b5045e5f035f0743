using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Sync.Channels;

/// <summary>Every channel rule, with messages that name the key (e.g. <c>Channels:shopee-hcm:Price:RoundTo</c>).</summary>
internal sealed partial class ChannelsOptionsValidator(IEnumerable<IMarketplaceClientFactory> factories) : IValidateOptions<ChannelsOptions>
{
    public ValidateOptionsResult Validate(string? name, ChannelsOptions options)
    {
        var known = factories.Select(f => f.Marketplace).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var errors = new List<string>();
        foreach (var (id, channel) in options.Items)
        {
            var key = $"{ChannelsOptions.SectionName}:{id}";
            if (!IdPattern().IsMatch(id))
            {
                errors.Add($"{key}: a channel id is 1–32 lower-case letters, digits or '-'.");
            }

            if (!known.Contains(channel.Marketplace))
            {
                errors.Add($"{key}:Marketplace '{channel.Marketplace}' is not one of: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
            }

            if (channel.Enabled && channel.BaseUrl is null)
            {
                errors.Add($"{key}:BaseUrl is required for an enabled channel.");
            }

            errors.AddRange(channel.Categories.Keys.Where(set => set is < 1 or > 26)
                .Select(set => $"{key}:Categories:{set}: OCOP product sets are 1–26."));
            if (!channel.TitleTemplate.Contains("{name}", StringComparison.Ordinal))
            {
                errors.Add($"{key}:TitleTemplate must contain {{name}}.");
            }

            if (channel.Price.RoundTo < 1)
            {
                errors.Add($"{key}:Price:RoundTo must be at least 1 (đồng).");
            }

            if (channel.Price.MarkupPercent < 0 && !channel.Price.AllowBelowRegistryPrice)
            {
                errors.Add($"{key}:Price:MarkupPercent is negative but Price:AllowBelowRegistryPrice is false.");
            }

            if (channel.Price.HoldChangeAbovePercent <= 0)
            {
                errors.Add($"{key}:Price:HoldChangeAbovePercent must be positive.");
            }

            if (channel.Price.HoldAboveVnd <= 0)
            {
                errors.Add($"{key}:Price:HoldAboveVnd must be a positive number of đồng.");
            }

            if (channel.Stock.SafetyBuffer < 0)
            {
                errors.Add($"{key}:Stock:SafetyBuffer must be at least 0.");
            }

            if (channel.Stock.SharePercent is < 0 or > 100)
            {
                errors.Add($"{key}:Stock:SharePercent must be 0–100.");
            }

            if (channel.Stock.Maximum < 0)
            {
                errors.Add($"{key}:Stock:Maximum must be at least 0 when set.");
            }

            if (channel.ClaimLease < TimeSpan.FromSeconds(5) || channel.ClaimLease > TimeSpan.FromHours(1))
            {
                errors.Add($"{key}:ClaimLease must be between 00:00:05 and 01:00:00.");
            }

            if (channel.MaxInFlight is < 1 or > 64)
            {
                errors.Add($"{key}:MaxInFlight must be 1–64.");
            }

            if (channel.ClaimBatchSize is < 1 or > 5000)
            {
                errors.Add($"{key}:ClaimBatchSize must be 1–5000.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex IdPattern();
}
