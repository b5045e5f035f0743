using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces;

/// <summary>The audit trail (push_attempts, what <c>GET /api/listings/{id}/history</c> shows) of one listing, read from the database.</summary>
internal static class PushHistory
{
    /// <summary>The latest attempt of <paramref name="operation"/> (Create, Lookup, Price, Stock, Status, Content) for the listing of a registry product.</summary>
    public static Task<PushAttempt> LastAsync(IntakeHarness harness, string channelId, string registryId, string operation) =>
        harness.QueryAsync(db => db.PushAttempts.AsNoTracking()
            .Where(a => a.ChannelId == channelId && a.Operation == operation
                && db.Listings.Any(l => l.Id == a.ListingId && l.ChannelId == channelId && l.RegistryId == registryId))
            .OrderByDescending(a => a.Id)
            .FirstAsync(TestContext.Current.CancellationToken));

    /// <summary>The price push reached the marketplace and its audit row names the marketplace's request id (issue 5).</summary>
    public static async Task AssertPricePushHasRequestIdAsync(IntakeHarness harness, string channelId, string registryId)
    {
        var attempt = await LastAsync(harness, channelId, registryId, nameof(ListingAspect.Price));
        Assert.Equal("ok", attempt.Result);
        Assert.False(string.IsNullOrWhiteSpace(attempt.RequestId), $"the price push of {registryId} has no request id in its audit row");
    }
}
