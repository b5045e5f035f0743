using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Data;

namespace Ocop.MarketSync.IntegrationTests.Data;

/// <summary>Each provider's migration set matches the model: nobody forgot `dotnet ef migrations add`.</summary>
public sealed class MigrationTests
{
    [Theory]
    [InlineData(StorageProvider.Postgres, "Host=127.0.0.1;Database=unused")]
    [InlineData(StorageProvider.Sqlite, "Data Source=unused.db")]
    public void Model_AgainstMigrations_HasNoPendingChanges(StorageProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<MarketSyncDbContext>();
        options.UseMarketSyncProvider(provider, connectionString);
        using var db = new MarketSyncDbContext(options.Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: the model has changes without a migration.");
    }
}
