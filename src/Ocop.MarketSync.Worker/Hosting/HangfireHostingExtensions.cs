using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Sync.Intake.Jobs;
using Ocop.MarketSync.Sync.Listings.Jobs;

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

        services.AddHangfire((sp, config) =>
        {
            var options = sp.GetRequiredService<IOptions<HangfireOptions>>().Value;
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseFilter(sp.GetRequiredService<JobLogScopeFilter>());
            switch (options.Storage)
            {
                case HangfireStorageKind.InMemory:
                    config.UseInMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Long });
                    break;
                case HangfireStorageKind.Postgres:
                    var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
                    config.UsePostgreSqlStorage(
                        npgsql => npgsql.UseNpgsqlConnection(storage.ConnectionString),
                        new PostgreSqlStorageOptions
                        {
                            SchemaName = options.Schema,
                            PrepareSchemaIfNecessary = false,
                            UseSlidingInvisibilityTimeout = true,
                            InvisibilityTimeout = options.InvisibilityTimeout,
                            QueuePollInterval = options.QueuePollInterval,
                        });
                    break;
                default:
                    throw new InvalidOperationException($"Hangfire:Storage '{options.Storage}' is not supported.");
            }
        });

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
}

/// <summary>Hangfire on PostgreSQL shares our database; it cannot run there while our tables are on SQLite.</summary>
internal sealed class HangfireStorageValidator(IOptions<StorageOptions> storage) : IValidateOptions<HangfireOptions>
{
    public ValidateOptionsResult Validate(string? name, HangfireOptions options) =>
        options.Storage == HangfireStorageKind.Postgres && storage.Value.Provider != StorageProvider.Postgres
            ? ValidateOptionsResult.Fail("Hangfire:Storage=Postgres needs Storage:Provider=Postgres (it uses Storage:ConnectionString).")
            : ValidateOptionsResult.Success;
}
