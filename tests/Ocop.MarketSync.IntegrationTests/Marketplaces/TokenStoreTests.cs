using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces;

/// <summary>The token store on PostgreSQL: encrypted at rest, one refresh under concurrency, no refresh token lost, NeedsReauth.</summary>
public sealed class TokenStoreTests(PostgresServer postgres)
{
    [Fact]
    public async Task Refresh_ManyConcurrentCallersOnExpiry_RefreshOnceAndKeepTheNewRefreshToken()
    {
        var authorizer = new RotatingAuthorizer();
        await using var harness = await CreateAsync(authorizer);
        var store = await harness.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<ShopTokenStore>()));
        var now = DateTimeOffset.UtcNow;
        await store.SaveAuthorizationAsync("ch-0", new ShopTokens("access-0", now.AddMinutes(5), "refresh-0", now.AddDays(30), "shop-1"), TestContext.Current.CancellationToken);

        // Due (5 minutes left, refreshed an hour ahead): forty callers at once.
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => store.GetAsync("ch-0", TestContext.Current.CancellationToken).AsTask()));

        Assert.Equal(1, authorizer.Refreshes);
        Assert.All(results, t => Assert.Equal("access-1", t.AccessToken));
        var row = await harness.QueryAsync(db => db.ChannelAuthorizations.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken));
        Assert.DoesNotContain("refresh-1", row.ProtectedTokens, StringComparison.Ordinal);
        Assert.Equal(ChannelAuthorizationStatus.Authorized, row.Status);

        // A fresh store (another node, or after a restart) reads the new pair from the database and refreshes with it.
        var rejected = results[0];
        var other = await harness.WithServicesAsync(sp => Task.FromResult(ActivatorUtilities.CreateInstance<ShopTokenStore>(sp)));
        var again = await other.RefreshNowAsync("ch-0", rejected, TestContext.Current.CancellationToken);
        Assert.Equal(("access-2", "refresh-1"), (again.AccessToken, authorizer.LastRefreshTokenUsed));

        // A node still holding the rejected token gets the peer's refresh instead of spending the refresh token again.
        var late = await store.RefreshNowAsync("ch-0", rejected, TestContext.Current.CancellationToken);
        Assert.Equal(("access-2", 2), (late.AccessToken, authorizer.Refreshes));
    }

    [Fact]
    public async Task Refresh_RefusedByTheMarketplace_MarksTheChannelNeedsReauthAndStopsAsking()
    {
        var authorizer = new RotatingAuthorizer { Refuse = true };
        await using var harness = await CreateAsync(authorizer);
        var store = await harness.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<ShopTokenStore>()));
        var now = DateTimeOffset.UtcNow;
        await store.SaveAuthorizationAsync("ch-0", new ShopTokens("access-0", now.AddMinutes(-1), "refresh-0", now.AddDays(-1), "shop-1"), TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<ChannelNotAuthorizedException>(() => store.GetAsync("ch-0", TestContext.Current.CancellationToken).AsTask());
        await Assert.ThrowsAsync<ChannelNotAuthorizedException>(() => store.GetAsync("ch-0", TestContext.Current.CancellationToken).AsTask());

        Assert.Equal(1, authorizer.Refreshes);
        var row = await harness.QueryAsync(db => db.ChannelAuthorizations.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal(ChannelAuthorizationStatus.NeedsReauth, row.Status);
        Assert.Contains("refresh token expired", row.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveAuthorization_AfterReauthWasNeeded_ParkedListingsGoOutWithTheNextPush()
    {
        await using var harness = await CreateAsync(new RotatingAuthorizer());
        var ct = TestContext.Current.CancellationToken;
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();
        // As the pusher leaves them when the marketplace refuses the tokens: parked until a person acts.
        await harness.QueryAsync(db => db.Listings.Where(l => l.RegistryId == "REG-00002" || l.RegistryId == "REG-00003")
            .ExecuteUpdateAsync(s => s
                .SetProperty(l => l.State, ListingState.NeedsReauth)
                .SetProperty(l => l.Dirty, true)
                .SetProperty(l => l.NextAttemptAt, Ocop.MarketSync.Sync.Listings.Push.RetryPolicy.Parked), ct));
        var store = await harness.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<ShopTokenStore>()));

        var now = DateTimeOffset.UtcNow;
        await store.SaveAuthorizationAsync("ch-0", new ShopTokens("access-9", now.AddHours(4), "refresh-9", now.AddDays(30), "shop-1"), ct);

        var parked = await harness.QueryAsync(db => db.Listings.Where(l => l.State == ListingState.NeedsReauth).ToListAsync(ct));
        Assert.Equal(2, parked.Count);
        Assert.All(parked, l => Assert.Null(l.NextAttemptAt));
    }

    private Task<IntakeHarness> CreateAsync(RotatingAuthorizer authorizer) =>
        IntakeHarness.CreateAsync(postgres, channels: 1, configure: services =>
        {
            services.AddSingleton<IMarketplaceAuthorizer>(authorizer);
            services.AddDataProtection().SetApplicationName("token-store-test");
        });

    /// <summary>Rotates tokens like Shopee and Lazada: every refresh returns a new refresh token and spends the old one.</summary>
    private sealed class RotatingAuthorizer : IMarketplaceAuthorizer
    {
        private int _refreshes;
        private string _validRefreshToken = "refresh-0";

        public string Marketplace => "sandbox";
        public TimeSpan RefreshAhead => TimeSpan.FromHours(1);
        public bool Refuse { get; init; }
        public int Refreshes => Volatile.Read(ref _refreshes);
        public string? LastRefreshTokenUsed { get; private set; }

        public Task<ShopTokens> ExchangeCodeAsync(ChannelOptions channel, string code, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public async Task<ShopTokens> RefreshAsync(ChannelOptions channel, ShopTokens current, CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref _refreshes);
            await Task.Delay(50, cancellationToken);
            if (Refuse)
            {
                throw new MarketplaceAuthException("refresh token expired", "req-1");
            }

            if (current.RefreshToken != _validRefreshToken)
            {
                throw new MarketplaceAuthException($"refresh token {current.RefreshToken} was already used");
            }

            LastRefreshTokenUsed = current.RefreshToken;
            _validRefreshToken = $"refresh-{n}";
            return current with { AccessToken = $"access-{n}", AccessTokenExpiresAt = DateTimeOffset.UtcNow.AddHours(4), RefreshToken = _validRefreshToken };
        }
    }
}
