using Microsoft.Extensions.Options;

namespace Ocop.MarketSync.Data;

/// <summary>Cross-field rules for <see cref="StorageOptions"/>; messages name the configuration key.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.Provider == StorageProvider.Postgres && options.MigrateOnStart)
        {
            return ValidateOptionsResult.Fail(
                "Storage:MigrateOnStart=true is not allowed with Storage:Provider=Postgres; run the 'migrate' command instead.");
        }

        return ValidateOptionsResult.Success;
    }
}
