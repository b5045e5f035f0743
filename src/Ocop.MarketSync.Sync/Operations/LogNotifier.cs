using Microsoft.Extensions.Logging;

namespace Ocop.MarketSync.Sync.Operations;

/// <summary>Always on: every notice is in the log (and so in whatever collects logs), even with no webhook configured.</summary>
public sealed class LogNotifier(ILogger<LogNotifier> logger) : INotifier
{
    public string Name => "log";

    public Task NotifyAsync(Notice notice, CancellationToken cancellationToken)
    {
        if (notice.RegistryId is not null)
        {
            logger.LogWarning("Notice {Type} for {RegistryId} ({Producer}): {Message}", notice.Type, notice.RegistryId, notice.Producer, notice.Message);
        }
        else if (notice.Type.EndsWith(OperationalAlerts.ResolvedSuffix, StringComparison.Ordinal))
        {
            logger.LogInformation("RESOLVED {Type} {Subject}: {Message}", notice.Type, notice.Data.GetValueOrDefault("subject"), notice.Data.GetValueOrDefault("messageEn"));
        }
        else
        {
            // Once per alert (OperationalAlerts sends each transition once), so an operator's log alerting can key on it.
            logger.LogError("ALERT {Type} {Subject}: {Message}", notice.Type, notice.Data.GetValueOrDefault("subject"), notice.Data.GetValueOrDefault("messageEn"));
        }

        return Task.CompletedTask;
    }
}
