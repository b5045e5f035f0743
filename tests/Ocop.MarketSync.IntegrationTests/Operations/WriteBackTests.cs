using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sandbox.Registry;
using Ocop.MarketSync.Sync.Operations;

namespace Ocop.MarketSync.IntegrationTests.Operations;

/// <summary>Listing changes reach the registry's write-back endpoint exactly once each, whatever the faults.</summary>
public sealed class WriteBackTests(PostgresServer postgres)
{
    [Fact]
    public async Task WriteBack_UnderServerErrorsAndALostAnswer_EveryChangeIsAppliedExactlyOnce()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 1);
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();
        var log = harness.Registry.WriteBacks;
        log.Inject(WriteBackFault.ServerError, WriteBackFault.ServerError, WriteBackFault.LostResponse, WriteBackFault.ServerError);

        await SendAllAsync(harness);

        var listings = await harness.ListingsAsync("ch-0");
        var active = listings.Where(l => l.State == ListingState.Active).ToList();
        Assert.Equal(53, active.Count);
        Assert.Equal(active.Count, log.Applied.Count);
        Assert.Equal(log.Applied.Count, log.Applied.Select(a => a.Key).Distinct().Count());
        Assert.True(log.Duplicates > 0, "the batch whose answer was lost must have been sent again");
        foreach (var listing in active)
        {
            var received = Assert.Single(log.Applied, a => a.RegistryId == listing.RegistryId);
            Assert.Equal(("active", listing.RemoteUrl, "ch-0", "sandbox"), (received.State, received.Url, received.Channel, received.Marketplace));
        }

        // A delisting is the next change: one more item, once.
        harness.Registry.Change("REG-00002", p => p.Remove("priceVnd"));
        await harness.PullAsync();
        await harness.PushAsync("ch-0");
        await SendAllAsync(harness);

        var delisted = Assert.Single(log.Applied, a => a is { RegistryId: "REG-00002", State: "delisted" });
        Assert.Contains("price", delisted.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(54, log.Applied.Count);

        // Every create is in the audit trail with what was sent and the marketplace's request id.
        var attempts = await harness.QueryAsync(db => db.PushAttempts.AsNoTracking().Where(a => a.Operation == "Create").ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(53, attempts.Count(a => a.Result == "ok"));
        Assert.All(attempts, a => Assert.False(string.IsNullOrEmpty(a.RequestId)));
        Assert.Contains(attempts, a => a.Sent.Contains("\"priceVnd\":215000", StringComparison.Ordinal));
    }

    private static async Task SendAllAsync(IntakeHarness harness)
    {
        for (var round = 0; round < 10; round++)
        {
            await harness.WithServicesAsync(sp => sp.GetRequiredService<WriteBackJob>().SendDueAsync(TestContext.Current.CancellationToken));
            if (await harness.QueryAsync(db => db.WriteBacks.CountAsync(w => w.SentAt == null, TestContext.Current.CancellationToken)) == 0)
            {
                return;
            }

            harness.Clock.Advance(TimeSpan.FromHours(3));
        }

        throw new TimeoutException("Write-backs were not all confirmed within 10 rounds.");
    }
}
