using Hangfire;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Intake.Jobs;
using Ocop.MarketSync.Sync.Listings.Jobs;

namespace Ocop.MarketSync.Worker.Hosting;

/// <summary>
/// After an intake that changed products: one planning pass for every channel now (it triggers the pushes that have
/// work); after a change of one channel: that channel's push job now.
/// </summary>
internal sealed class PushTrigger(IRecurringJobManager recurringJobs, IBackgroundJobClient jobs, ILogger<PushTrigger> logger)
    : IProductChangeSignal, IRegistryPullTrigger
{
    public void TriggerPull() => recurringJobs.Trigger(RecurringJobsRegistrar.RegistryPull);

    public Task ProductsChangedAsync(CancellationToken cancellationToken)
    {
        // On the intake queue, served first: the pushes wait for the plan anyway.
        var id = jobs.Enqueue<PlanListingsJob>(IntakeQueues.Intake, job => job.RunAsync(CancellationToken.None));
        // Debug: the intake run's own summary line already says that products changed.
        logger.LogDebug("Products changed: planning pass {JobId} enqueued", id);
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
