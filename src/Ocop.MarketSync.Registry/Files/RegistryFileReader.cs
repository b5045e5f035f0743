using System.Runtime.CompilerServices;
using System.Text.Json;
using Ocop.MarketSync.Registry.Records;

namespace Ocop.MarketSync.Registry.Files;

/// <summary>
/// Reads registry records from a file for registries without an API. Records stream one by one, so a large
/// file never sits in memory, and every record goes through the same reader (and later the same validation)
/// as the API path.
/// </summary>
public static class RegistryFileReader
{
    public static RegistryFileFormat DetectFormat(string path) =>
        Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".JSON" => RegistryFileFormat.Json,
            ".CSV" => RegistryFileFormat.Csv,
            var other => throw new RegistryFileException(
                $"Cannot tell the format of '{path}' from its extension '{other}': use .json or .csv."),
        };

    /// <exception cref="RegistryFileException">The file is malformed; records before the fault were yielded.</exception>
    public static IAsyncEnumerable<RegistryRecord> ReadAsync(
        Stream stream, RegistryFileFormat format, CancellationToken cancellationToken) => format switch
        {
            RegistryFileFormat.Json => ReadJsonAsync(stream, cancellationToken),
            RegistryFileFormat.Csv => CsvRecordReader.ReadAsync(stream, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown file format."),
        };

    private static async IAsyncEnumerable<RegistryRecord> ReadJsonAsync(
        Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var index = 0;
        await using var enumerator = JsonSerializer
            .DeserializeAsyncEnumerable<JsonElement>(stream, cancellationToken: cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            JsonElement element;
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    yield break;
                }

                element = enumerator.Current;
            }
            catch (JsonException ex)
            {
                throw new RegistryFileException(
                    $"The JSON file is malformed after record {index}: {ex.Message} (expected a JSON array of records)", ex);
            }

            index++;
            yield return RegistryRecordReader.Read(element);
        }
    }
}
