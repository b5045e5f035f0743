using System.Text;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Registry.Files;
using Ocop.MarketSync.Registry.Records;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Registry.Files;

public sealed class RegistryFileReaderTests
{
    private static async Task<List<RegistryRecord>> ReadAllAsync(Stream stream, RegistryFileFormat format, List<RegistryRecord>? into = null)
    {
        var records = into ?? [];
        await foreach (var record in RegistryFileReader.ReadAsync(stream, format, TestContext.Current.CancellationToken))
        {
            records.Add(record);
        }

        return records;
    }

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("REG-00002")]
    [InlineData("REG-00013")]
    public async Task ReadAsync_CsvExample_NormalisesToTheSameHashAsTheJsonSample(string registryId)
    {
        // Arrange
        await using var csv = File.OpenRead(SampleData.PathOf("import-sample.csv"));
        var normalizer = Normalizers.Create();

        // Act
        var fromCsv = (await ReadAllAsync(csv, RegistryFileFormat.Csv)).Single(r => r.Product.RegistryId == registryId);
        var csvResult = normalizer.Normalize(fromCsv, SampleData.ReferenceDate);
        var jsonResult = normalizer.Normalize(SampleData.Record(registryId), SampleData.ReferenceDate);

        // Assert
        Assert.Empty(fromCsv.FieldErrors);
        Assert.Equal(jsonResult.Data, csvResult.Data with { Images = jsonResult.Data.Images, Standards = jsonResult.Data.Standards });
        Assert.Equal(jsonResult.Data.Images, csvResult.Data.Images);
        Assert.Equal(jsonResult.Data.Standards, csvResult.Data.Standards);
        Assert.Equal(jsonResult.ContentHash, csvResult.ContentHash);
    }

    [Fact]
    public async Task ReadAsync_CsvExample_HasTheTwoDocumentedRecords()
    {
        // Arrange
        await using var csv = File.OpenRead(SampleData.PathOf("import-sample.csv"));

        // Act
        var records = await ReadAllAsync(csv, RegistryFileFormat.Csv);

        // Assert
        Assert.Equal(["REG-00002", "REG-00013"], records.Select(r => r.Product.RegistryId));
    }

    [Fact]
    public async Task ReadAsync_CsvNonNumericStars_IsQuarantinedExactlyLikeJson()
    {
        // Arrange
        var csv = Utf8("registryId,stars\nREG-1,bốn\n");
        var json = Utf8("""[{"registryId":"REG-1","stars":"bốn"}]""");
        var normalizer = Normalizers.Create();

        // Act
        var fromCsv = Assert.Single(await ReadAllAsync(csv, RegistryFileFormat.Csv));
        var fromJson = Assert.Single(await ReadAllAsync(json, RegistryFileFormat.Json));
        var csvResult = normalizer.Normalize(fromCsv, SampleData.ReferenceDate);
        var jsonResult = normalizer.Normalize(fromJson, SampleData.ReferenceDate);

        // Assert
        Assert.Equal(ProductOutcome.Quarantined, csvResult.Outcome);
        var issue = csvResult.Issue(IssueCodes.FieldType, IssueSeverity.Quarantine);
        Assert.Equal("stars: expected a whole number, got the string \"bốn\"", issue.Message);
        Assert.Equal(jsonResult.Issues, csvResult.Issues);
        Assert.Equal(jsonResult.ContentHash, csvResult.ContentHash);
    }

    [Fact]
    public async Task ReadAsync_JsonArray_YieldsEachElement()
    {
        // Arrange
        await using var json = File.OpenRead(SampleData.PathOf("ocop-products.json"));

        // Act
        var records = await ReadAllAsync(json, RegistryFileFormat.Json);

        // Assert
        Assert.Equal(60, records.Count);
        Assert.Equal("REG-00001", records[0].Product.RegistryId);
        Assert.Equal("REG-00060", records[^1].Product.RegistryId);
        Assert.All(records, r => Assert.Empty(r.FieldErrors));
    }

    [Fact]
    public async Task ReadAsync_MalformedJsonAfterTwoRecords_YieldsTwoThenThrows()
    {
        // Arrange
        var json = Utf8("""[{"registryId":"REG-1"},{"registryId":"REG-2"},{"registryId": tru""");
        var records = new List<RegistryRecord>();

        // Act
        var ex = await Assert.ThrowsAsync<RegistryFileException>(() => ReadAllAsync(json, RegistryFileFormat.Json, records));

        // Assert
        Assert.Equal(["REG-1", "REG-2"], records.Select(r => r.Product.RegistryId));
        Assert.StartsWith("The JSON file is malformed after record 2:", ex.Message);
    }

    [Fact]
    public async Task ReadAsync_JsonNotAnArray_Throws()
    {
        // Act
        var ex = await Assert.ThrowsAsync<RegistryFileException>(
            () => ReadAllAsync(Utf8("""{"registryId":"REG-1"}"""), RegistryFileFormat.Json));

        // Assert
        Assert.Contains("expected a JSON array of records", ex.Message);
    }

    [Fact]
    public async Task ReadAsync_JsonElementNotAnObject_IsARecordWithAnError()
    {
        // Act
        var records = await ReadAllAsync(Utf8("""[{"registryId":"REG-1"}, 7]"""), RegistryFileFormat.Json);

        // Assert
        Assert.Equal(2, records.Count);
        Assert.Equal("record: expected an object, got number", Assert.Single(records[1].FieldErrors).Message);
    }

    [Fact]
    public async Task ReadAsync_EmptyJsonArray_GivesNoRecords()
    {
        // Act
        var records = await ReadAllAsync(Utf8("[]"), RegistryFileFormat.Json);

        // Assert
        Assert.Empty(records);
    }

    [Theory]
    [InlineData("export.json", RegistryFileFormat.Json)]
    [InlineData("/tmp/EXPORT.JSON", RegistryFileFormat.Json)]
    [InlineData("export.csv", RegistryFileFormat.Csv)]
    [InlineData("Export.Csv", RegistryFileFormat.Csv)]
    public void DetectFormat_KnownExtension_IsThatFormat(string path, RegistryFileFormat expected)
    {
        // Act
        var format = RegistryFileReader.DetectFormat(path);

        // Assert
        Assert.Equal(expected, format);
    }

    [Fact]
    public void DetectFormat_OtherExtension_ThrowsNamingThePath()
    {
        // Act
        var ex = Assert.Throws<RegistryFileException>(() => RegistryFileReader.DetectFormat("export.xlsx"));

        // Assert
        Assert.StartsWith("Cannot tell the format of 'export.xlsx' from its extension", ex.Message);
        Assert.EndsWith("use .json or .csv.", ex.Message);
    }
}
