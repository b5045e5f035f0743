using Microsoft.Extensions.Options;
using Npgsql;
using Ocop.MarketSync.Data;

namespace Ocop.MarketSync.UnitTests.Data;

/// <summary><c>Storage:Password</c> is merged into the PostgreSQL connection string, once and in one place only.</summary>
public sealed class StoragePasswordTests
{
    [Fact]
    public void PostConfigure_PostgresWithoutPasswordInTheString_MergesItQuotedAsNeeded()
    {
        var options = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = "Host=db;Username=u", Password = "p;w='x\"" };

        new StoragePassword().PostConfigure(null, options);

        var merged = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        Assert.Equal(("db", "u", "p;w='x\""), (merged.Host, merged.Username, merged.Password));
    }

    [Fact]
    public void PostConfigure_AnotherPasswordInTheString_FailsNamingBothKeysWithoutEitherValue()
    {
        var options = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = "Host=db;Password=old-one", Password = "new-one" };

        var error = Assert.Throws<OptionsValidationException>(() => new StoragePassword().PostConfigure(null, options));

        Assert.Contains("Storage:ConnectionString has a password and Storage:Password gives another", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("old-one", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("new-one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PasswordWithSqlite_FailsNamingTheKey()
    {
        var options = new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = "Data Source=x.db", Password = "pointless" };

        new StoragePassword().PostConfigure(null, options);
        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.Equal("Data Source=x.db", options.ConnectionString);
        Assert.True(result.Failed);
        Assert.StartsWith("Storage:Password is for Storage:Provider=Postgres only", result.FailureMessage, StringComparison.Ordinal);
    }
}
