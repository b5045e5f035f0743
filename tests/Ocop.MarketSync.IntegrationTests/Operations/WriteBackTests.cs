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

        // The code with both texts, never a bare enum name.
        var reason = Assert.Single(delisted.Reasons!);
        Assert.Equal(("price.missing", "Thiếu giá bán", "The price is missing"), (reason.Code, reason.Vi, reason.En));

        // Every create is in the audit trail with what was sent and the marketplace's request id.
        var attempts = await harness.QueryAsync(db => db.PushAttempts.AsNoTracking().Where(a => a.Operation == "Create").ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(53, attempts.Count(a => a.Result == "ok"));
        Assert.All(attempts, a => Assert.False(string.IsNullOrEmpty(a.RequestId)));
        Assert.Contains(attempts, a => a.Sent.Contains("\"priceVnd\":215000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteBack_APriceHeldThenKeptByStaff_TheProducerHearsBothWithCodeAndTexts()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 1);
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();
        await SendAllAsync(harness);
        var log = harness.Registry.WriteBacks;

        harness.Registry.Change("REG-00002", p => p["priceVnd"] = 645_000);
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();
        await SendAllAsync(harness);
        await harness.WithServicesAsync(sp => sp.GetRequiredService<Ocop.MarketSync.Sync.Listings.Staff.StaffActions>()
            .KeepProductPriceAsync("REG-00002", "lan.nguyen", TestContext.Current.CancellationToken));
        await SendAllAsync(harness);

        var held = Assert.Single(log.Applied, a => a is { RegistryId: "REG-00002", State: "price-held" });
        var kept = Assert.Single(log.Applied, a => a is { RegistryId: "REG-00002", State: "price-kept" });
        Assert.Contains("645,000", held.Reason, StringComparison.Ordinal);
        Assert.Equal("price.held", Assert.Single(held.Reasons!).Code);
        Assert.StartsWith("Giá thay đổi vượt ngưỡng", held.Reasons![0].Vi, StringComparison.Ordinal);
        Assert.Equal(("price.kept", "Staff kept the old price: the registry's new price was not applied"), (Assert.Single(kept.Reasons!).Code, kept.Reasons![0].En));
        Assert.NotNull(held.Url);
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
