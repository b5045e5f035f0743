using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Sync.Jobs;

namespace Microsoft.Extensions.DependencyInjection;

public static class RunLocksServiceCollectionExtensions
{
    /// <summary>
    /// Run locks on the storage's own terms: PostgreSQL advisory locks where several nodes can share the database,
    /// locks in the process for SQLite (one node by construction).
    /// </summary>
    public static IServiceCollection AddRunLocks(this IServiceCollection services)
    {
        services.TryAddSingleton<IRunLocks>(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return storage.Provider == StorageProvider.Postgres
                ? new PostgresRunLocks(storage.ConnectionString!, sp.GetRequiredService<ILogger<PostgresRunLocks>>())
                : new ProcessRunLocks();
        });
        return services;
    }
}
