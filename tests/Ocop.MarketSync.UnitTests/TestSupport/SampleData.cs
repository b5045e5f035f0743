using System.Text.Json;
using Ocop.MarketSync.Registry.Records;

namespace Ocop.MarketSync.UnitTests.TestSupport;

/// <summary>The 60 sample records of shared/data/ocop-products.json (DOMAIN.md §5), loaded once.</summary>
public static class SampleData
{
    /// <summary>The day the sample data's validity notes were computed for.</summary>
    public static readonly DateOnly ReferenceDate = new(2026, 11, 29);

    private static readonly Lazy<IReadOnlyList<JsonElement>> Elements = new(Load);

    public static IReadOnlyList<JsonElement> All => Elements.Value;

    public static string PathOf(string fileName) => Path.Combine(AppContext.BaseDirectory, "Data", fileName);

    public static JsonElement Element(string registryId) =>
        All.Single(e => e.GetProperty("registryId").GetString() == registryId);

    public static RegistryRecord Record(string registryId) => RegistryRecordReader.Read(Element(registryId));

    private static IReadOnlyList<JsonElement> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(PathOf("ocop-products.json")));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
