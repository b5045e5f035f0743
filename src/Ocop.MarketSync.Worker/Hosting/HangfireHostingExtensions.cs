using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Sync.Intake.Jobs;
using Ocop.MarketSync.Sync.Listings.Jobs;
using Ocop.MarketSync.Sync.Telemetry;

namespace Ocop.MarketSync.Worker.Hosting;

internal static class HangfireHostingExtensions
{
    /// <summary>Queues this node works: intake, one per configured marketplace, then default.</summary>
    public static string[] Queues(IConfiguration configuration) =>
    [
        IntakeQueues.Intake,
        .. configuration.GetSection("Channels").GetChildren()
            .Select(c => c["Marketplace"])
            .OfType<string>()
            .Select(PushQueues.For)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
        "default",
    ];

    /// <summary>
    /// Hangfire storage (in-memory for the embedded default, PostgreSQL in its own schema for production) and,
    /// when <paramref name="runServer"/>, a processing server. The schema is created by the migrate command,
    /// never here (PrepareSchemaIfNecessary = false).
    /// </summary>
    public static IServiceCollection AddMarketSyncHangfire(this IServiceCollection services, IConfiguration configuration, bool runServer)
    {
        services.AddOptions<HangfireOptions>()
            .Bind(configuration.GetSection(HangfireOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.QueuePollInterval >= TimeSpan.FromMilliseconds(100), "Hangfire:QueuePollInterval must be at least 00:00:00.1.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<HangfireOptions>, HangfireStorageValidator>();
        services.AddSingleton<JobLogScopeFilter>();
        services.AddSingleton(sp => new JobTelemetryFilter(sp.GetRequiredService<JobStorage>()));
        services.AddSingleton(sp => new Ocop.MarketSync.Sync.Jobs.JobFailureReasonFilter(
            sp.GetRequiredService<JobStorage>(), sp.GetRequiredService<Ocop.MarketSync.Sync.Intake.IntakeClock>()));

        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogBridge(sp.GetRequiredService<ILoggerFactory>()))
            // The span first, so the job's log scope and its started/finished lines carry its trace id.
            .UseFilter(sp.GetRequiredService<JobTelemetryFilter>())
            .UseFilter(sp.GetRequiredService<JobLogScopeFilter>())
            // Ordered after AutomaticRetry (its Order): a failure's reason says the human line and when it retries.
            .UseFilter(sp.GetRequiredService<Ocop.MarketSync.Sync.Jobs.JobFailureReasonFilter>())
            .UseStorage(sp.GetRequiredService<JobStorage>()));

        // Our own storage singleton, registered after AddHangfire so it wins: Hangfire's default registration hands
        // out the static JobStorage.Current, which is whichever host configured last when two share a process.
        services.AddSingleton<JobStorage>(sp => CreateStorage(
            sp.GetRequiredService<IOptions<HangfireOptions>>().Value, sp.GetRequiredService<IOptions<StorageOptions>>().Value));

        if (runServer)
        {
            services.AddHangfireServer((sp, server) =>
            {
                var options = sp.GetRequiredService<IOptions<HangfireOptions>>().Value;
                server.Queues = Queues(configuration);
                server.WorkerCount = options.WorkerCount;
                server.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            });
            services.AddHostedService<RecurringJobsRegistrar>();
        }

        return services;
    }

    private static JobStorage CreateStorage(HangfireOptions options, StorageOptions storage) => options.Storage switch
    {
        HangfireStorageKind.InMemory => new InMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Long }),
        HangfireStorageKind.Postgres => CreatePostgresStorage(options, storage.ConnectionString!),
        _ => throw new InvalidOperationException($"Hangfire:Storage '{options.Storage}' is not supported."),
    };

    private static PostgreSqlStorage CreatePostgresStorage(HangfireOptions options, string connectionString)
    {
        var postgres = new PostgreSqlStorageOptions
        {
            SchemaName = options.Schema,
            PrepareSchemaIfNecessary = false,
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = options.InvisibilityTimeout,
            QueuePollInterval = options.QueuePollInterval,
            DistributedLockTimeout = options.DistributedLockTimeout,
            EnableLongPolling = options.LongPolling,
        };
        return new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, postgres), postgres);
    }
}

/// <summary>Hangfire on PostgreSQL shares our database; it cannot run there while our tables are on SQLite.</summary>
internal sealed class HangfireStorageValidator(IOptions<StorageOptions> storage) : IValidateOptions<HangfireOptions>
{
    public ValidateOptionsResult Validate(string? name, HangfireOptions options) =>
        options.Storage == HangfireStorageKind.Postgres && storage.Value.Provider != StorageProvider.Postgres
            ? ValidateOptionsResult.Fail("Hangfire:Storage=Postgres needs Storage:Provider=Postgres (it uses Storage:ConnectionString).")
            : ValidateOptionsResult.Success;
}
