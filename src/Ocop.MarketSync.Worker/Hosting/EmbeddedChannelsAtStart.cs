using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Sandbox.Hosting;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.Worker.Hosting;

/// <summary>
/// At start, before the first push, readies the channels of the embedded sandboxes and simulators: authorises every
/// simulator channel the way <c>channel authorize</c> does, with a code the simulator issues
/// as if the seller had consented (the adapter exchanges it, the token store keeps the tokens encrypted), and relists
/// what an earlier run listed (<see cref="InMemoryMarketplaceRelist"/>). So the channels push without an operator step.
/// </summary>
/// <remarks>
/// Every start, not only for channels without stored tokens: the simulators keep their state in memory, so tokens an
/// earlier run stored (SQLite keeps them in ./data) are unknown to the new simulator and would only lead to
/// <c>NeedsReauth</c>.
/// </remarks>
internal sealed class EmbeddedChannelsAtStart(
    EmbeddedSandboxes sandboxes,
    IServiceScopeFactory scopes,
    ILogger<EmbeddedChannelsAtStart> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var marketplace in sandboxes.Marketplaces)
        {
            await using var scope = scopes.CreateAsyncScope();
            await InMemoryMarketplaceRelist.QueueIfListedAsync(scope.ServiceProvider, marketplace.ChannelId, "sandbox", logger, cancellationToken);
        }

        foreach (var simulator in sandboxes.Simulators)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await AuthorizeAsync(scope.ServiceProvider, simulator, cancellationToken))
            {
                await InMemoryMarketplaceRelist.QueueIfListedAsync(scope.ServiceProvider, simulator.ChannelId, simulator.Marketplace, logger, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<bool> AuthorizeAsync(IServiceProvider services, EmbeddedSimulator simulator, CancellationToken cancellationToken)
    {
        var channel = services.GetRequiredService<ChannelCatalog>().Get(simulator.ChannelId);
        var authorizer = services.GetServices<IMarketplaceAuthorizer>()
            .Single(a => string.Equals(a.Marketplace, channel.Marketplace, StringComparison.OrdinalIgnoreCase));
        var replaced = await services.GetRequiredService<MarketSyncDbContext>().ChannelAuthorizations.AsNoTracking()
            .AnyAsync(a => a.ChannelId == channel.Id, cancellationToken);
        try
        {
            // Without a consent step (Sendo's shop keys) the authorizer ignores the code and signs in to check the keys.
            var tokens = await authorizer.ExchangeCodeAsync(channel, simulator.IssueCode?.Invoke() ?? "-", cancellationToken);
            await services.GetRequiredService<ShopTokenStore>().SaveAuthorizationAsync(channel.Id, tokens, cancellationToken);
            logger.LogInformation(
                "Channel {Channel} authorised with its {Marketplace} simulator at {SimulatorUrl} (shop {ShopId}), as `channel authorize` does with a seller's code{Replaced}",
                channel.Id, channel.Marketplace, simulator.Server.BaseUrl, tokens.ShopId, replaced ? "; the tokens of an earlier run are replaced" : string.Empty);
            return true;
        }
        catch (Exception ex) when (ex is MarketplaceException or MarketplaceAuthException)
        {
            // Not fatal: the other channels still run, and this one shows as not authorised in /api/channels.
            logger.LogError(ex, "Channel {Channel} could not be authorised with its {Marketplace} simulator: {Reason}",
                channel.Id, channel.Marketplace, ex.Message);
            return false;
        }
    }
}
