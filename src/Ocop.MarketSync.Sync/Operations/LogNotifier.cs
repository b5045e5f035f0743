using Microsoft.Extensions.Logging;

namespace Ocop.MarketSync.Sync.Operations;

/// <summary>Always on: every notice is in the log (and so in whatever collects logs), even with no webhook configured.</summary>
public sealed class LogNotifier(ILogger<LogNotifier> logger) : INotifier
{
    public string Name => "log";

    public Task NotifyAsync(Notice notice, CancellationToken cancellationToken)
    {
        logger.LogWarning("Notice {Type} for {RegistryId} ({Producer}): {Message}", notice.Type, notice.RegistryId, notice.Producer, notice.Message);
        return Task.CompletedTask;
    }
}
