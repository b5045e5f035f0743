namespace Ocop.MarketSync.Sync.Intake.Jobs;

/// <summary>Hangfire queue names of intake. Marketplaces get a queue each, so a slow one cannot starve intake.</summary>
public static class IntakeQueues
{
    public const string Intake = "intake";
}
