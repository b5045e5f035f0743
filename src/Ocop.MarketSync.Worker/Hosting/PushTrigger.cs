using Hangfire;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Intake;

namespace Ocop.MarketSync.Worker.Hosting;

/// <summary>After an intake that changed products: run every enabled channel's push job now (once per run).</summary>
internal sealed class PushTrigger(IRecurringJobManager recurringJobs, ChannelCatalog channels, ILogger<PushTrigger> logger)
    : IProductChangeSignal, IRegistryPullTrigger
{
    public void TriggerPull() => recurringJobs.Trigger(RecurringJobsRegistrar.RegistryPull);

    public Task ProductsChangedAsync(CancellationToken cancellationToken)
    {
        foreach (var channel in channels.Enabled)
        {
            recurringJobs.Trigger(RecurringJobsRegistrar.PushJobId(channel.Id));
        }

        // Debug: the intake run's own summary line already says that products changed.
        logger.LogDebug("Products changed: push triggered for {Count} channel(s)", channels.Enabled.Count);
        return Task.CompletedTask;
    }

    public Task WriteBacksQueuedAsync(CancellationToken cancellationToken)
    {
        recurringJobs.Trigger(RecurringJobsRegistrar.WriteBack);
        return Task.CompletedTask;
    }

    public Task ChannelChangedAsync(string channelId, CancellationToken cancellationToken)
    {
        recurringJobs.Trigger(RecurringJobsRegistrar.PushJobId(channelId));
        return Task.CompletedTask;
    }
}
