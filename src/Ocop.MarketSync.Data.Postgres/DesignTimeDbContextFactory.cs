using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace Ocop.MarketSync.Data.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the model for Postgres without a running host or database.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<MarketSyncDbContext>
{
    public MarketSyncDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<MarketSyncDbContext>();
        builder.UseMarketSyncProvider(StorageProvider.Postgres, "Host=localhost;Database=design_time");
        return new MarketSyncDbContext(builder.Options);
    }
}
