namespace Ocop.MarketSync.Sync.Intake;

/// <summary>
/// Told once per intake run that stored products changed, so the channels can be planned and pushed now rather
/// than at their next scheduled run. One signal per run, never one per product: pushes are coalesced.
/// </summary>
public interface IProductChangeSignal
{
    Task ProductsChangedAsync(CancellationToken cancellationToken);

    /// <summary>One channel has listings to push now (after a reconciliation repaired drift, a staff action…).</summary>
    Task ChannelChangedAsync(string channelId, CancellationToken cancellationToken);

    /// <summary>Listing changes wait in the write-back outbox: send them to the registry now.</summary>
    Task WriteBacksQueuedAsync(CancellationToken cancellationToken);
}

/// <summary>The default when nothing listens (tests of intake alone, the import command).</summary>
public sealed class NoProductChangeSignal : IProductChangeSignal
{
    public Task ProductsChangedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ChannelChangedAsync(string channelId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task WriteBacksQueuedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
