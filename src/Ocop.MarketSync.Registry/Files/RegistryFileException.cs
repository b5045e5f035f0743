namespace Ocop.MarketSync.Registry.Files;

/// <summary>The import file could not be read (further). Records yielded before it stay valid.</summary>
public sealed class RegistryFileException(string message, Exception? inner = null) : Exception(message, inner);
