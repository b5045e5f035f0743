using Ocop.MarketSync.Sync.Jobs;

namespace Ocop.MarketSync.Sync.Intake;

/// <summary>Starts the incremental registry pull now (the Worker triggers its recurring job).</summary>
public interface IRegistryPullTrigger
{
    void TriggerPull();
}

/// <summary>
/// The registry said a product changed: pull now, coalesced. However many notifications arrive, and on however
/// many nodes, at most one pull is queued at a time; the pull clears the flag when it starts, so a change that
/// arrives during a pull queues exactly one more.
/// </summary>
public sealed class RegistryChangeNotifications(RunRequests flags, IRegistryPullTrigger trigger)
{
    public const string QueuedFlag = "queued:registry-pull";

    /// <summary>A queued pull that has not started after this long is taken for lost (its node died).</summary>
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    /// <returns>True when this notification queued a pull; false when one was already queued.</returns>
    public async Task<bool> NotifyAsync(CancellationToken cancellationToken)
    {
        if (!await flags.TrySetAsync(QueuedFlag, StaleAfter, cancellationToken))
        {
            return false;
        }

        trigger.TriggerPull();
        return true;
    }

    /// <summary>Called by the pull as it starts: later notifications queue a new one.</summary>
    public Task PullStartingAsync(CancellationToken cancellationToken) => flags.ClearAsync(QueuedFlag, cancellationToken);
}

/// <summary>Where no job server runs (CLI commands, intake tests): pulls are not triggered.</summary>
public sealed class NoRegistryPullTrigger : IRegistryPullTrigger
{
    public void TriggerPull()
    {
    }
}
