using Hangfire;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.Tiki;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Intake.Jobs;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Listings.Jobs;
using Ocop.MarketSync.Sync.Listings.Reconciliation;
using Ocop.MarketSync.Sync.Operations;

namespace Ocop.MarketSync.Worker.Hosting;

/// <summary>
/// The one place where recurring jobs are registered, with stable ids and the Asia/Ho_Chi_Minh time zone.
/// Idempotent, so every node registers the same schedule at start.
/// </summary>
internal sealed class RecurringJobsRegistrar(
    IRecurringJobManager recurringJobs,
    IOptions<IntakeOptions> intakeOptions,
    IOptions<ReconciliationOptions> reconciliation,
    IOptions<CertificateOptions> certificates,
    IOptions<WriteBackOptions> writeBack,
    IOptions<AuditOptions> audit,
    ChannelCatalog channels,
    TikiEventQueueReader tikiEvents,
    ILogger<RecurringJobsRegistrar> logger) : IHostedService
{
    public const string RegistryPull = "registry-pull";
    public const string RegistryFull = "registry-full";
    public const string CertificateExpiry = "certificate-expiry";
    public const string WriteBack = "write-back";
    public const string AuditPurge = "audit-purge";

    /// <summary>Every minute: the safety net behind the push triggered by intake.</summary>
    public const string PushCron = "* * * * *";

    public static string PushJobId(string channelId) => $"push:{channelId}";

    public static string ReconcileJobId(string channelId) => $"reconcile:{channelId}";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var intake = intakeOptions.Value;
        var options = new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(intake.TimeZone) };
        Register<RegistryPullJob>(RegistryPull, "Intake:PullCron", intake.PullCron, job => job.RunAsync(CancellationToken.None), options);
        Register<RegistryFullPullJob>(RegistryFull, "Intake:FullCron", intake.FullCron, job => job.RunAsync(CancellationToken.None), options);
        Register<CertificateExpiryJob>(CertificateExpiry, "Certificates:ExpiryCron", certificates.Value.ExpiryCron, job => job.RunAsync(CancellationToken.None), options);
        Register<WriteBackJob>(WriteBack, "WriteBack:Cron", writeBack.Value.Cron, job => job.RunAsync(CancellationToken.None), options);
        Register<AuditPurgeJob>(AuditPurge, "Audit:PurgeCron", audit.Value.PurgeCron, job => job.RunAsync(CancellationToken.None), options);

        foreach (var channel in channels.All)
        {
            var id = PushJobId(channel.Id);
            if (channel.Enabled)
            {
                var channelId = channel.Id;
                recurringJobs.AddOrUpdate<PushChannelJob>(id, PushQueues.For(channel.Marketplace), job => job.RunAsync(channelId, CancellationToken.None), PushCron, options);
                try
                {
                    recurringJobs.AddOrUpdate<ReconcileChannelJob>(ReconcileJobId(channelId), PushQueues.For(channel.Marketplace),
                        job => job.RunScheduledAsync(channelId, CancellationToken.None), reconciliation.Value.Cron, options);
                }
                catch (ArgumentException ex)
                {
                    throw new OptionsValidationException("Reconciliation:Cron", typeof(ReconciliationOptions),
                        [$"Reconciliation:Cron '{reconciliation.Value.Cron}' is not a valid cron expression: {ex.Message}"]);
                }
            }
            else
            {
                recurringJobs.RemoveIfExists(id);
                recurringJobs.RemoveIfExists(ReconcileJobId(channel.Id));
            }

            // Tiki tells of price and stock edits in seller centre through an event queue it does not push: pulled as
            // often as the channel is pushed, each event a hint read back before acting (TikiEventQueueJob).
            var eventsJobId = TikiEventQueueJob.Resource(channel.Id);
            if (channel.Enabled && channel.Marketplace == "tiki" && tikiEvents.HasQueue(channel))
            {
                var tikiChannelId = channel.Id;
                recurringJobs.AddOrUpdate<TikiEventQueueJob>(eventsJobId, PushQueues.For(channel.Marketplace),
                    job => job.RunAsync(tikiChannelId, CancellationToken.None), PushCron, options);
            }
            else
            {
                recurringJobs.RemoveIfExists(eventsJobId);
            }
        }

        if (intake.RunOnStart)
        {
            recurringJobs.Trigger(RegistryPull);

            // A node that restarts (after a crash, say) resumes pushing now, not at the next minute.
            foreach (var channel in channels.Enabled)
            {
                recurringJobs.Trigger(PushJobId(channel.Id));
            }

            logger.LogInformation("Triggered {JobId} and the channels' pushes at start (Intake:RunOnStart)", RegistryPull);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Register<TJob>(string id, string key, string cron, System.Linq.Expressions.Expression<Func<TJob, Task>> call, RecurringJobOptions options)
    {
        try
        {
            recurringJobs.AddOrUpdate(id, IntakeQueues.Intake, call, cron, options);
        }
        catch (ArgumentException ex)
        {
            throw new OptionsValidationException(key, typeof(TJob), [$"{key} '{cron}' is not a valid cron expression: {ex.Message}"]);
        }
    }
}
