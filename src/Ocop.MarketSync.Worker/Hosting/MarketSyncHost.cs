using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Sandbox.Hosting;
using Ocop.MarketSync.Worker.Hosting.Telemetry;

namespace Ocop.MarketSync.Worker.Hosting;

/// <summary>Builds the service from its modules. Used by every command and by the integration tests.</summary>
internal static class MarketSyncHost
{
    /// <param name="extraServices">Added last (tests: a log sink that keeps the service's warnings for failure messages).</param>
    public static async Task<WebApplication> BuildAsync(
        string[] args, HostMode mode, CancellationToken cancellationToken, Action<IServiceCollection>? extraServices = null)
    {
        // Content root = where appsettings.json was built to, whatever the caller's directory; relative paths
        // (./data, import files) stay relative to the caller's directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfigOverlay(builder.Environment);
        builder.Configuration.AddSecretFiles();
        if (mode == HostMode.Serve)
        {
            await builder.AddEmbeddedSandboxesAsync(cancellationToken);

            // Before Hangfire's server and the recurring jobs (hosted services start in registration order), so the
            // simulator channels hold tokens before their first push.
            builder.Services.AddHostedService<EmbeddedChannelsAtStart>();
            builder.AddMetricsPortIfConfigured();
        }

        var configuration = builder.Configuration;
        builder.Services
            .AddMarketSyncLogging(configuration)
            .AddMarketSyncData(configuration)
            .AddOcopRegistry(configuration)
            .AddRegistryIntake(configuration)
            .AddListingSync(configuration)
            .AddSyncOperations(configuration)
            .AddSandboxMarketplace(configuration)
            .AddShopeeMarketplace(configuration)
            .AddLazadaMarketplace(configuration)
            .AddTikTokShopMarketplace(configuration)
            .AddTikiMarketplace(configuration)
            .AddSendoMarketplace(configuration)
            .AddSheetChannels(configuration)
            .AddDatabaseSheetStore()
            .AddMarketSyncHangfire(configuration, runServer: mode == HostMode.Serve)
            .AddMarketSyncApi(configuration)
            .AddReverseProxySupport(configuration)
            .AddMarketSyncTelemetry(configuration, databaseGauges: mode == HostMode.Serve)
            .AddScoped<DatabaseMigrator>();

        // Keys in the database: a cookie issued by one node is read by the others.
        builder.Services.AddDataProtection()
            .PersistKeysToDbContext<MarketSyncDbContext>()
            .SetApplicationName("Ocop.MarketSync")
            .ProtectKeysIfConfigured(configuration);
        if (mode == HostMode.Serve)
        {
            builder.Services.AddSingleton<PushTrigger>();
            builder.Services.AddSingleton<Ocop.MarketSync.Sync.Intake.IProductChangeSignal>(sp => sp.GetRequiredService<PushTrigger>());
            builder.Services.AddSingleton<Ocop.MarketSync.Sync.Intake.IRegistryPullTrigger>(sp => sp.GetRequiredService<PushTrigger>());
            builder.Services.AddHostedService<StartupBanner>();
        }

        extraServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseReverseProxySupport();
        app.UseMarketSyncMetricsEndpoint();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMarketSyncInputGuards();
        app.UseAuthentication();
        app.UseMarketSyncCrossSiteGuard();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapMarketSyncApi();
        app.MapGet("/", () => Results.LocalRedirect("~/hangfire")).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Checks every option marked ValidateOnStart now (cron keys, channels, credentials, storage…), so a bad key
    /// stops the service before anything touches the database; the host would otherwise check them only when it
    /// starts, after <see cref="PrepareStorageAsync"/> migrated.
    /// </summary>
    /// <exception cref="OptionsValidationException">Every failure, each naming its key.</exception>
    public static void ValidateConfiguration(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            // Several options classes failed: one exception with all their messages, as for a single one.
            throw new OptionsValidationException("(configuration)", typeof(object),
                ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures));
        }
    }

    /// <summary>
    /// Before serving: migrate the embedded SQLite file when allowed, otherwise check that the database is
    /// reachable and migrated, and stop with a clear message if not.
    /// </summary>
    public static async Task PrepareStorageAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var storage = scope.ServiceProvider.GetRequiredService<IOptions<StorageOptions>>().Value;
        var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
        if (storage.MigrateOnStart)
        {
            await migrator.MigrateAsync(cancellationToken);
        }
        else
        {
            await migrator.VerifyReadyAsync(cancellationToken);
        }
    }
}
