namespace Ocop.MarketSync.Marketplaces.Sendo;

/// <summary>
/// Sendo allows about 5 logins per second per IP (§6.5), counted over every shop this process logs in. One gate per
/// process spaces all logins at least <see cref="Spacing"/> apart (4 per second), whatever the channel. Across nodes
/// each node has its own IP, and the token store already lets only one node log a given shop in at a time.
/// </summary>
internal sealed class SendoLoginGate(TimeProvider time)
{
    public static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(250);

    private readonly SemaphoreSlim _one = new(1, 1);
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            var wait = _last + Spacing - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            _last = time.GetUtcNow();
        }
        finally
        {
            _one.Release();
        }
    }
}
