using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace Ocop.MarketSync.Data.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the model for Sqlite without a running host or database.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<MarketSyncDbContext>
{
    public MarketSyncDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<MarketSyncDbContext>();
        builder.UseMarketSyncProvider(StorageProvider.Sqlite, "Data Source=design-time.db");
        return new MarketSyncDbContext(builder.Options);
    }
}
