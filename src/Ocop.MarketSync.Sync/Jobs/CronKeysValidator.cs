using Cronos;
using Microsoft.Extensions.Options;

namespace Ocop.MarketSync.Sync.Jobs;

/// <summary>
/// Checks the cron keys of one options class at start, with Cronos, the parser Hangfire carries inside (the same
/// version), read the way Hangfire reads it: five fields, or six with seconds first. Before this, a bad cron was only
/// found when the recurring jobs were registered, after the database had been migrated.
/// </summary>
/// <param name="keys">Each configuration key (e.g. <c>Intake:PullCron</c>) and how to read its value.</param>
internal sealed class CronKeysValidator<TOptions>(params (string Key, Func<TOptions, string?> Read)[] keys) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var failures = keys.Select(key => Problem(key.Key, key.Read(options))).OfType<string>().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Null when <paramref name="cron"/> is a cron Hangfire accepts; else a message naming the key and the fix.</summary>
    public static string? Problem(string key, string? cron)
    {
        if (string.IsNullOrWhiteSpace(cron))
        {
            // The DataAnnotations [Required] of the key says so already.
            return null;
        }

        var fields = cron.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            CronExpression.Parse(cron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            return null;
        }
        catch (CronFormatException ex)
        {
            return $"{key} '{cron}' is not a valid cron expression ({ex.Message}). Write five fields, " +
                "minute hour day-of-month month day-of-week, e.g. '*/5 * * * *' (every 5 minutes) or '0 2 * * *' (02:00).";
        }
    }
}
