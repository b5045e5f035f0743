namespace Ocop.MarketSync.Sync.Intake;

/// <summary>
/// Told once per intake run that stored products changed, so the channels can be planned and pushed now rather
/// than at their next scheduled run. One signal per run, never one per product: pushes are coalesced.
/// </summary>
public interface IProductChangeSignal
{
    Task ProductsChangedAsync(CancellationToken cancellationToken);
}

/// <summary>The default when nothing listens (tests of intake alone, the import command).</summary>
public sealed class NoProductChangeSignal : IProductChangeSignal
{
    public Task ProductsChangedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
