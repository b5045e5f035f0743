using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Intake.Jobs;
using Ocop.MarketSync.Sync.Intake.Provinces;
using Ocop.MarketSync.Sync.Intake.Rules;

namespace Microsoft.Extensions.DependencyInjection;

public static class SyncServiceCollectionExtensions
{
    /// <summary>
    /// Registers registry intake: validation and normalisation, the writer, the pull jobs and file import.
    /// Needs <c>AddMarketSyncData</c>, <c>AddOcopRegistry</c> and Hangfire storage to be registered too.
    /// </summary>
    public static IServiceCollection AddRegistryIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IntakeOptions>()
            .Bind(configuration.GetSection(IntakeOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IntakeOptions>, IntakeOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IntakeOptions>>(new Ocop.MarketSync.Sync.Jobs.CronKeysValidator<IntakeOptions>(
            ("Intake:PullCron", o => o.PullCron), ("Intake:FullCron", o => o.FullCron))));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => ProvinceDirectory.LoadEmbedded());
        services.TryAddSingleton<DescriptionSanitizer>();
        services.TryAddSingleton<IntakeClock>();
        services.TryAddSingleton<ProductNormalizer>();
        services.TryAddScoped<ProductWriter>();
        services.TryAddScoped<RetireGuard>();
        services.TryAddScoped<IntakeRunRecorder>();
        services.TryAddScoped<IntakeAlerts>();
        services.TryAddScoped<RegistryIntake>();
        services.TryAddSingleton<IProductChangeSignal, NoProductChangeSignal>();
        services.TryAddScoped<FileImport>();
        services.TryAddScoped<RegistryChangeNotifications>();
        services.TryAddSingleton<IRegistryPullTrigger, NoRegistryPullTrigger>();
        services.TryAddScoped<Ocop.MarketSync.Sync.Operations.OperationalAlerts>();
        services.AddRunLocks();
        services.TryAddScoped<Ocop.MarketSync.Sync.Jobs.ExclusiveRun>();
        services.TryAddScoped<Ocop.MarketSync.Sync.Jobs.RunRequests>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<RegistryPullJob>();
        services.TryAddScoped<RegistryFullPullJob>();
        return services;
    }
}
