namespace Ocop.MarketSync.Registry.Files;

public enum RegistryFileFormat
{
    /// <summary>A JSON array of records in the registry contract's shape.</summary>
    Json,

    /// <summary>CSV with the header documented in docs/import-format.md.</summary>
    Csv,
}
