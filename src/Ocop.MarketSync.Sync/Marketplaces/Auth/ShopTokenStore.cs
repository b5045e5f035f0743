using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Jobs;

namespace Ocop.MarketSync.Sync.Marketplaces.Auth;

/// <summary>
/// The channels' marketplace tokens: encrypted with Data Protection (keys in the database, so every node reads
/// them), cached per node, refreshed ahead of expiry by one refresher per shop across all nodes (a distributed lock,
/// then a re-read, so a node that waited uses its peer's refresh instead of spending the refresh token again). The
/// new pair is committed before it is used: a crash can never lose the only valid refresh token.
/// </summary>
public sealed class ShopTokenStore(
    IServiceScopeFactory scopes,
    IDataProtectionProvider protection,
    IEnumerable<IMarketplaceAuthorizer> authorizers,
    ChannelCatalog channels,
    IRunLocks locks,
    TimeProvider time,
    ILogger<ShopTokenStore> logger) : IShopTokenSource
{
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);
    private readonly IDataProtector _protector = protection.CreateProtector("Ocop.MarketSync.ChannelTokens.v1");
    private readonly ConcurrentDictionary<string, ShopTokens> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _local = new(StringComparer.Ordinal);

    public async ValueTask<ShopTokens> GetAsync(string channelId, CancellationToken cancellationToken)
    {
        var authorizer = AuthorizerOf(channelId);
        if (_cache.TryGetValue(channelId, out var cached) && !Due(cached, authorizer))
        {
            return cached;
        }

        return await RefreshAsync(channelId, authorizer, rejected: null, cancellationToken);
    }

    public async ValueTask<ShopTokens> RefreshNowAsync(string channelId, ShopTokens rejected, CancellationToken cancellationToken) =>
        await RefreshAsync(channelId, AuthorizerOf(channelId), rejected, cancellationToken);

    /// <summary>Stores the tokens of a fresh authorisation (<c>channel authorize</c>), replacing whatever was there.</summary>
    public async Task SaveAuthorizationAsync(string channelId, ShopTokens tokens, CancellationToken cancellationToken)
    {
        var channel = channels.Get(channelId);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketSyncDbContext>();
        var row = await db.ChannelAuthorizations.FindAsync([channelId], cancellationToken);
        if (row is null)
        {
            row = new ChannelAuthorization { ChannelId = channelId, Marketplace = channel.Marketplace, ProtectedTokens = string.Empty };
            db.ChannelAuthorizations.Add(row);
        }

        Write(row, tokens, ChannelAuthorizationStatus.Authorized, reason: null);
        await db.SaveChangesAsync(cancellationToken);
        _cache[channelId] = tokens;

        // Listings parked while the authorisation was gone go out with the next push, without a retry per listing.
        await db.Listings.Where(l => l.ChannelId == channelId && l.State == ListingState.NeedsReauth)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.NextAttemptAt, (DateTime?)null), cancellationToken);
    }

    private async Task<ShopTokens> RefreshAsync(string channelId, IMarketplaceAuthorizer authorizer, ShopTokens? rejected, CancellationToken cancellationToken)
    {
        var local = _local.GetOrAdd(channelId, _ => new SemaphoreSlim(1, 1));
        await local.WaitAsync(cancellationToken);
        try
        {
            await using var distributed = await locks.TryAcquireAsync($"tokens:{channelId}", LockWait, cancellationToken)
                ?? throw new TimeoutException($"Another node has been refreshing the tokens of channel '{channelId}' for over {LockWait.TotalSeconds:0} s.");
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MarketSyncDbContext>();
            var row = await db.ChannelAuthorizations.FirstOrDefaultAsync(a => a.ChannelId == channelId, cancellationToken)
                ?? throw new ChannelNotAuthorizedException(channelId, $"Channel '{channelId}' has not been authorised: run `channel authorize {channelId} --code CODE`.");
            if (row.Status == ChannelAuthorizationStatus.NeedsReauth)
            {
                throw new ChannelNotAuthorizedException(channelId, $"Channel '{channelId}' needs authorising again: {row.Reason}");
            }

            var stored = Read(row);
            var peerRefreshed = rejected is not null && !string.Equals(stored.AccessToken, rejected.AccessToken, StringComparison.Ordinal);
            if (peerRefreshed || (rejected is null && !Due(stored, authorizer)))
            {
                _cache[channelId] = stored;
                return stored;
            }

            ShopTokens fresh;
            try
            {
                fresh = await authorizer.RefreshAsync(channels.Get(channelId), stored, cancellationToken);
            }
            catch (MarketplaceAuthException ex)
            {
                Write(row, stored, ChannelAuthorizationStatus.NeedsReauth, ex.RequestId is null ? ex.Message : $"{ex.Message} (request {ex.RequestId})");
                await db.SaveChangesAsync(CancellationToken.None);
                _cache.TryRemove(channelId, out _);
                logger.LogError("ALERT channel {Channel}: the marketplace refused the refresh token ({Reason}); a person must run `channel authorize`",
                    channelId, row.Reason);
                throw new ChannelNotAuthorizedException(channelId, $"Channel '{channelId}' needs authorising again: {row.Reason}");
            }

            // Saved before it is used or cached: the old refresh token is spent now, and this pair is the only one left.
            Write(row, fresh, ChannelAuthorizationStatus.Authorized, reason: null);
            await db.SaveChangesAsync(CancellationToken.None);
            _cache[channelId] = fresh;
            logger.LogInformation("Channel {Channel}: tokens refreshed; access token valid until {Expiry:O}", channelId, fresh.AccessTokenExpiresAt);
            return fresh;
        }
        finally
        {
            local.Release();
        }
    }

    private bool Due(ShopTokens tokens, IMarketplaceAuthorizer authorizer) =>
        tokens.AccessTokenExpiresAt - authorizer.RefreshAhead <= time.GetUtcNow();

    private IMarketplaceAuthorizer AuthorizerOf(string channelId)
    {
        var marketplace = channels.Get(channelId).Marketplace;
        return authorizers.FirstOrDefault(a => string.Equals(a.Marketplace, marketplace, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No authoriser is registered for marketplace '{marketplace}' (channel '{channelId}').");
    }

    private ShopTokens Read(ChannelAuthorization row) =>
        JsonSerializer.Deserialize<ShopTokens>(_protector.Unprotect(row.ProtectedTokens), JsonColumn.Options)
        ?? throw new InvalidOperationException($"The stored tokens of channel '{row.ChannelId}' are empty.");

    private void Write(ChannelAuthorization row, ShopTokens tokens, ChannelAuthorizationStatus status, string? reason)
    {
        row.ProtectedTokens = _protector.Protect(JsonSerializer.Serialize(tokens, JsonColumn.Options));
        row.AccessTokenExpiresAt = tokens.AccessTokenExpiresAt.UtcDateTime;
        row.RefreshTokenExpiresAt = tokens.RefreshTokenExpiresAt?.UtcDateTime;
        row.Status = status;
        row.Reason = reason is { Length: > 2000 } ? reason[..2000] : reason;
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        row.Version++;
    }
}
