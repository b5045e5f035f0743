using Microsoft.Extensions.Options;
using Npgsql;

namespace Ocop.MarketSync.Data;

/// <summary>
/// Merges <c>Storage:Password</c> into the PostgreSQL connection string once, when the options are built, so every
/// user of <see cref="StorageOptions.ConnectionString"/> (EF Core, Hangfire, the run locks, the migrator) gets the
/// same complete string and none of them needs to know where the password came from.
/// </summary>
internal sealed class StoragePassword : IPostConfigureOptions<StorageOptions>
{
    public void PostConfigure(string? name, StorageOptions options)
    {
        if (string.IsNullOrEmpty(options.Password) || options.Provider != StorageProvider.Postgres || string.IsNullOrEmpty(options.ConnectionString))
        {
            return;
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException)
        {
            return; // StorageOptionsValidator names the bad connection string.
        }

        if (!string.IsNullOrEmpty(builder.Password) && builder.Password != options.Password)
        {
            throw new OptionsValidationException(name ?? Options.DefaultName, typeof(StorageOptions),
                ["Storage:ConnectionString has a password and Storage:Password gives another; give the password in one place only (Storage:Password)."]);
        }

        builder.Password = options.Password;
        options.ConnectionString = builder.ConnectionString;
    }
}
