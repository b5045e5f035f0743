namespace Ocop.MarketSync.Sync.Intake.Rules;

/// <summary>
/// Which day is the last valid day of a certificate. The legal texts say "36 months" without saying whether
/// the day of issue + 36 months is still valid; the sample data (and our default) takes the day before.
/// </summary>
public enum LastValidDayRule
{
    IssuePlusMonthsMinusOneDay,
    IssuePlusMonths,
}
