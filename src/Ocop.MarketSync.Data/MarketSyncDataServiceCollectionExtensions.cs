using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Data;

namespace Microsoft.Extensions.DependencyInjection;

public static class MarketSyncDataServiceCollectionExtensions
{
    /// <summary>Name of the assembly that holds each provider's migrations.</summary>
    public static string MigrationsAssembly(StorageProvider provider) => provider switch
    {
        StorageProvider.Postgres => "Ocop.MarketSync.Data.Postgres",
        StorageProvider.Sqlite => "Ocop.MarketSync.Data.Sqlite",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown storage provider."),
    };

    /// <summary>
    /// Registers <see cref="MarketSyncDbContext"/> on the provider named by <c>Storage:Provider</c>, with options
    /// validated at start (the message names the missing key).
    /// </summary>
    public static IServiceCollection AddMarketSyncData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<StorageOptions>, StoragePassword>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddDbContext<MarketSyncDbContext>((sp, db) =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            db.UseMarketSyncProvider(storage.Provider!.Value, storage.ConnectionString!);
        });
        return services;
    }

    /// <summary>Configures the provider, its migrations assembly and naming. Shared with the design-time factories.</summary>
    public static DbContextOptionsBuilder UseMarketSyncProvider(
        this DbContextOptionsBuilder db, StorageProvider provider, string connectionString)
    {
        var migrations = MigrationsAssembly(provider);
        switch (provider)
        {
            case StorageProvider.Postgres:
                db.UseNpgsql(connectionString, npgsql => npgsql
                    .MigrationsAssembly(migrations)
                    .MigrationsHistoryTable("__ef_migrations_history", MarketSyncDbContext.Schema));
                break;
            case StorageProvider.Sqlite:
                db.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(migrations));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown storage provider.");
        }

        return db.UseSnakeCaseNamingConvention();
    }
}
