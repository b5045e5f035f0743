using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Sync.Telemetry;

/// <summary>
/// The <c>outcome</c> tag of marketplace metrics: the port's error taxonomy folded into five values an alert can
/// name, plus <c>error</c> for an exception no adapter mapped (a defect, not the marketplace).
/// </summary>
public static class MarketplaceOutcomes
{
    public const string Ok = "ok";
    public const string Rejected = "rejected";
    public const string Throttled = "throttled";
    public const string Transient = "transient";
    public const string Auth = "auth";
    public const string Error = "error";

    /// <remarks>
    /// NotFound counts as rejected (that item cannot be updated as sent); Deferred (a promotion locks the item) as
    /// transient (it is tried again later); Misconfigured as auth (a person must fix credentials or permissions).
    /// </remarks>
    public static string Of(MarketplaceError? error) => error switch
    {
        null => Ok,
        MarketplaceError.RateLimited => Throttled,
        MarketplaceError.AuthExpired or MarketplaceError.Misconfigured => Auth,
        MarketplaceError.Transient or MarketplaceError.Deferred => Transient,
        MarketplaceError.Rejected or MarketplaceError.NotFound => Rejected,
        _ => Error,
    };

    /// <summary>A batch call's outcome is its worst item's: auth, then throttled, then transient, then rejected.</summary>
    public static string Of(IReadOnlyList<ItemResult> results)
    {
        var worst = Ok;
        foreach (var result in results)
        {
            var outcome = Of(result.Error);
            if (Rank(outcome) > Rank(worst))
            {
                worst = outcome;
            }
        }

        return worst;
    }

    private static int Rank(string outcome) => outcome switch
    {
        Auth => 5,
        Error => 4,
        Throttled => 3,
        Transient => 2,
        Rejected => 1,
        _ => 0,
    };
}
