using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Registry;
using Ocop.MarketSync.Sandbox.Marketplace;
using Ocop.MarketSync.Sandbox.Registry;
using Ocop.MarketSync.Sync.Listings.Jobs;
using Ocop.MarketSync.Sync.Operations;

namespace Ocop.MarketSync.IntegrationTests.Operations;

/// <summary>
/// Stops as data: a channel that cannot push, and a registry that stays unreachable, become one open alert each
/// with a reason and a since-time, one notice when raised and one when resolved — however many runs see them.
/// </summary>
public sealed class OperationalAlertTests(PostgresServer postgres)
{
    private const string TokenKey = "SBX:AccessToken";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PushJob_TokenRefused_OneAlertOneNotice_ResolvedOnceWhenItPushesAgain()
    {
        var notices = new RecordingNotifier();
        IConfiguration? configuration = null;
        await using var harness = await IntakeHarness.CreateAsync(
            postgres, channels: 1, marketplace: new MarketplaceSandboxOptions { AccessToken = "right-token" },
            settings: new Dictionary<string, string?> { ["Channels:ch-0:CredentialsRef"] = "SBX", [TokenKey] = "wrong-token" },
            configure: s => s.AddSingleton<INotifier>(notices),
            configureWith: (_, c) => configuration = c);
        await harness.PullAsync();

        await RunPushJobAsync(harness);
        await RunPushJobAsync(harness);

        var open = Assert.Single(await harness.QueryAsync(db => db.Alerts.Where(a => a.ResolvedAt == null).ToListAsync(Ct)));
        Assert.Equal((AlertKinds.ChannelStopped, "ch-0", "AuthExpired"), (open.Kind, open.Subject, open.Code));
        Assert.Contains("401", open.Reason + " " + open.Code, StringComparison.Ordinal);
        Assert.NotNull(open.RaiseNotifiedAt);
        var raised = Assert.Single(notices.Received);
        Assert.Equal(("channel.stopped", "ch-0"), (raised.Type, raised.Data["subject"]));
        Assert.Null(raised.RegistryId);
        Assert.StartsWith("Kênh ch-0 đã ngừng đẩy hàng", raised.Message, StringComparison.Ordinal);

        // A person rotates the token and retries the parked listings.
        configuration![TokenKey] = "right-token";
        await harness.QueryAsync(db => db.Listings.Where(l => l.State == ListingState.NeedsReauth)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.NextAttemptAt, (DateTime?)null), Ct));
        await RunPushJobAsync(harness);
        await RunPushJobAsync(harness);

        Assert.Empty(await harness.QueryAsync(db => db.Alerts.Where(a => a.ResolvedAt == null).ToListAsync(Ct)));
        Assert.Equal(["channel.stopped", "channel.stopped.resolved"], notices.Received.Select(n => n.Type));
        Assert.Equal(53, (await harness.ListingsAsync("ch-0")).Count(l => l.State == ListingState.Active));
    }

    [Fact]
    public async Task Alerts_NotifierDown_NoticeSentAgainWhenTheConditionIsNextReported()
    {
        var notices = new RecordingNotifier { FailNext = 1 };
        await using var harness = await IntakeHarness.CreateAsync(postgres, configure: s => s.AddSingleton<INotifier>(notices));

        await harness.WithServicesAsync(async sp =>
        {
            var alerts = sp.GetRequiredService<OperationalAlerts>();
            await alerts.RaiseAsync(AlertKinds.ChannelStopped, "ch-9", "Misconfigured", "partner key refused", null, Ct);
            Assert.Empty(notices.Received);
            await alerts.RaiseAsync(AlertKinds.ChannelStopped, "ch-9", "Misconfigured", "partner key refused", null, Ct);
            await alerts.RaiseAsync(AlertKinds.ChannelStopped, "ch-9", "Misconfigured", "partner key refused", null, Ct);
            return 0;
        });

        Assert.Single(notices.Received);
        var alert = Assert.Single(await harness.QueryAsync(db => db.Alerts.ToListAsync(Ct)));
        Assert.NotNull(alert.RaiseNotifiedAt);
    }

    [Fact]
    public async Task Pull_RegistryDownLongerThanTheLimit_AlertSinceTheFirstFailure_ResolvedByTheNextGoodPull()
    {
        var notices = new RecordingNotifier();
        await using var harness = await IntakeHarness.CreateAsync(postgres,
            settings: new Dictionary<string, string?> { ["Intake:UnreachableAlertAfter"] = "00:10:00" },
            configure: s => s.AddSingleton<INotifier>(notices));
        await harness.PullAsync();

        harness.Registry.Faults.Add(new RegistryFaultRule(RegistryFault.ServerError, int.MaxValue));
        await Assert.ThrowsAsync<RegistryPageException>(harness.PullAsync);
        var firstFailure = harness.Clock.GetUtcNow().UtcDateTime;
        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        await Assert.ThrowsAsync<RegistryPageException>(harness.PullAsync);
        Assert.Empty(await harness.QueryAsync(db => db.Alerts.ToListAsync(Ct)));

        harness.Clock.Advance(TimeSpan.FromMinutes(6));
        await Assert.ThrowsAsync<RegistryPageException>(harness.PullAsync);
        var alert = Assert.Single(await harness.QueryAsync(db => db.Alerts.ToListAsync(Ct)));
        Assert.Equal((AlertKinds.RegistryUnreachable, "Unreachable", firstFailure), (alert.Kind, alert.Code, alert.Since));

        harness.Registry.Faults.Clear();
        await harness.PullAsync();
        Assert.NotNull(Assert.Single(await harness.QueryAsync(db => db.Alerts.ToListAsync(Ct))).ResolvedAt);
        Assert.Equal(["registry.unreachable", "registry.unreachable.resolved"], notices.Received.Select(n => n.Type));
    }

    private static Task RunPushJobAsync(IntakeHarness harness) =>
        harness.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<PushChannelJob>().RunAsync("ch-0", Ct);
            return 0;
        });

    private sealed class RecordingNotifier : INotifier
    {
        private readonly ConcurrentQueue<Notice> _received = new();

        public int FailNext { get; set; }

        public string Name => "recording";

        public IReadOnlyList<Notice> Received => [.. _received];

        public Task NotifyAsync(Notice notice, CancellationToken cancellationToken)
        {
            if (FailNext > 0)
            {
                FailNext--;
                throw new NotificationException("receiver down");
            }

            _received.Enqueue(notice);
            return Task.CompletedTask;
        }
    }
}
