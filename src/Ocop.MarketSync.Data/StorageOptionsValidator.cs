using Microsoft.Extensions.Options;

namespace Ocop.MarketSync.Data;

/// <summary>Cross-field rules for <see cref="StorageOptions"/>; messages name the configuration key.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private static bool Parses(StorageProvider provider, string connectionString, out string reason)
    {
        try
        {
            _ = provider switch
            {
                StorageProvider.Postgres => new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Host
                    ?? throw new ArgumentException("it names no Host"),
                StorageProvider.Sqlite => new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource,
                _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown storage provider."),
            };
            reason = string.Empty;
            return true;
        }
        catch (ArgumentException ex)
        {
            reason = ex.Message;
            return false;
        }
    }

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.Provider == StorageProvider.Postgres && options.MigrateOnStart)
        {
            return ValidateOptionsResult.Fail(
                "Storage:MigrateOnStart=true is not allowed with Storage:Provider=Postgres; run the 'migrate' command instead.");
        }

        if (!string.IsNullOrEmpty(options.Password) && options.Provider != StorageProvider.Postgres)
        {
            return ValidateOptionsResult.Fail($"Storage:Password is for Storage:Provider=Postgres only, not {options.Provider}.");
        }

        if (options.Provider is { } provider && !string.IsNullOrEmpty(options.ConnectionString) && !Parses(provider, options.ConnectionString, out var reason))
        {
            // Reason only, never the string itself: it may hold a password.
            return ValidateOptionsResult.Fail($"Storage:ConnectionString is not a valid {provider} connection string: {reason}");
        }

        return ValidateOptionsResult.Success;
    }
}
