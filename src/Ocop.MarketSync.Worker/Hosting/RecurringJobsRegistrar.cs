using Hangfire;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Intake.Jobs;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Listings.Jobs;

namespace Ocop.MarketSync.Worker.Hosting;

/// <summary>
/// The one place where recurring jobs are registered, with stable ids and the Asia/Ho_Chi_Minh time zone.
/// Idempotent, so every node registers the same schedule at start.
/// </summary>
internal sealed class RecurringJobsRegistrar(
    IRecurringJobManager recurringJobs,
    IOptions<IntakeOptions> intakeOptions,
    ChannelCatalog channels,
    ILogger<RecurringJobsRegistrar> logger) : IHostedService
{
    public const string RegistryPull = "registry-pull";
    public const string RegistryFull = "registry-full";

    /// <summary>Every minute: the safety net behind the push triggered by intake.</summary>
    public const string PushCron = "* * * * *";

    public static string PushJobId(string channelId) => $"push:{channelId}";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var intake = intakeOptions.Value;
        var options = new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(intake.TimeZone) };
        Register<RegistryPullJob>(RegistryPull, "Intake:PullCron", intake.PullCron, job => job.RunAsync(CancellationToken.None), options);
        Register<RegistryFullPullJob>(RegistryFull, "Intake:FullCron", intake.FullCron, job => job.RunAsync(CancellationToken.None), options);
        foreach (var channel in channels.All)
        {
            var id = PushJobId(channel.Id);
            if (channel.Enabled)
            {
                var channelId = channel.Id;
                recurringJobs.AddOrUpdate<PushChannelJob>(id, PushQueues.For(channel.Marketplace), job => job.RunAsync(channelId, CancellationToken.None), PushCron, options);
            }
            else
            {
                recurringJobs.RemoveIfExists(id);
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
            throw new OptionsValidationException(key, typeof(IntakeOptions), [$"{key} '{cron}' is not a valid cron expression: {ex.Message}"]);
        }
    }
}
