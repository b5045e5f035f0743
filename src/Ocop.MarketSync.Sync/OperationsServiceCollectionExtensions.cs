using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Jobs;
using Ocop.MarketSync.Sync.Listings.Reconciliation;
using Ocop.MarketSync.Sync.Operations;

namespace Microsoft.Extensions.DependencyInjection;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>
    /// Registers what keeps listings right over time: reconciliation, the certificate expiry job and producer
    /// warnings (log notifier always, webhook notifier when <c>Notifications:Webhook:Url</c> is set), write-back to
    /// the registry, and the audit purge. Each section is validated at start, naming the key.
    /// </summary>
    public static IServiceCollection AddSyncOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReconciliationOptions>().Bind(configuration.GetSection(ReconciliationOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CertificateOptions>().Bind(configuration.GetSection(CertificateOptions.SectionName)).ValidateDataAnnotations()
            .Validate(o => o.WarnDaysBefore.All(d => d is > 0 and <= 1095), "Certificates:WarnDaysBefore must hold days between 1 and 1095 (36 months).")
            .ValidateOnStart();
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WriteBackOptions>().Bind(configuration.GetSection(WriteBackOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebhookNotifierOptions>().Bind(configuration.GetSection(WebhookNotifierOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookNotifierOptions>, WebhookNotifierOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReconciliationOptions>>(
            new CronKeysValidator<ReconciliationOptions>(("Reconciliation:Cron", o => o.Cron))));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CertificateOptions>>(
            new CronKeysValidator<CertificateOptions>(("Certificates:ExpiryCron", o => o.ExpiryCron))));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WriteBackOptions>>(
            new CronKeysValidator<WriteBackOptions>(("WriteBack:Cron", o => o.Cron))));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditOptions>>(
            new CronKeysValidator<AuditOptions>(("Audit:PurgeCron", o => o.PurgeCron))));

        services.TryAddScoped<Ocop.MarketSync.Sync.Operations.OperationalAlerts>();
        services.TryAddScoped<ChannelReconciler>();
        services.TryAddScoped<ReconcileChannelJob>();
        services.TryAddScoped<MarketplaceHintJob>();
        services.TryAddScoped<CertificateWarnings>();
        services.TryAddScoped<CertificateExpiryJob>();
        services.TryAddScoped<WriteBackJob>();
        services.TryAddScoped<AuditPurgeJob>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotifier, LogNotifier>());
        if (configuration[$"{WebhookNotifierOptions.SectionName}:Url"] is { Length: > 0 })
        {
            services.AddHttpClient(WebhookNotifier.HttpClientName);
            services.TryAddEnumerable(ServiceDescriptor.Singleton<INotifier, WebhookNotifier>(sp => new WebhookNotifier(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(WebhookNotifier.HttpClientName),
                sp.GetRequiredService<IOptions<WebhookNotifierOptions>>(),
                sp.GetRequiredService<TimeProvider>())));
        }

        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
