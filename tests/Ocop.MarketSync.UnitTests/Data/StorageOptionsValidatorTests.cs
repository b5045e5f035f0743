using Ocop.MarketSync.Data;

namespace Ocop.MarketSync.UnitTests.Data;

public sealed class StorageOptionsValidatorTests
{
    private readonly StorageOptionsValidator _validator = new();

    [Fact]
    public void Validate_PostgresWithMigrateOnStart_FailsNamingTheKey()
    {
        // Arrange
        var options = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = "Host=db", MigrateOnStart = true };

        // Act
        var result = _validator.Validate(null, options);

        // Assert
        Assert.True(result.Failed);
        Assert.Contains("Storage:MigrateOnStart", result.FailureMessage);
        Assert.Contains("Storage:Provider=Postgres", result.FailureMessage);
    }

    [Theory]
    [InlineData(StorageProvider.Postgres, false)]
    [InlineData(StorageProvider.Sqlite, true)]
    [InlineData(StorageProvider.Sqlite, false)]
    public void Validate_OtherCombinations_Succeed(StorageProvider provider, bool migrateOnStart)
    {
        // Arrange
        var connectionString = provider == StorageProvider.Postgres ? "Host=db;Database=marketsync" : "Data Source=x.db";
        var options = new StorageOptions { Provider = provider, ConnectionString = connectionString, MigrateOnStart = migrateOnStart };

        // Act
        var result = _validator.Validate(null, options);

        // Assert
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_SqliteConnectionStringForPostgres_FailsNamingTheKeyWithoutTheValue()
    {
        var options = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = "Data Source=secret-name.db" };

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.StartsWith("Storage:ConnectionString is not a valid Postgres connection string", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-name", result.FailureMessage, StringComparison.Ordinal);
    }
}
