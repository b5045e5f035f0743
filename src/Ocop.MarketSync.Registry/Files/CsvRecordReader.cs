using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using CsvHelper.Configuration;
using Ocop.MarketSync.Registry.Records;

namespace Ocop.MarketSync.Registry.Files;

/// <summary>
/// Reads the CSV import format (docs/import-format.md). Each row is turned into a JSON record of the contract's
/// shape, so CSV and JSON imports are validated by exactly the same code.
/// </summary>
internal static class CsvRecordReader
{
    /// <summary>Columns whose text is a number in the contract; a cell that does not parse stays text and is reported.</summary>
    private static readonly HashSet<string> NumberColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        "productSet", "stars", "priceVnd", "stock", "shelfLifeDays", "netWeightValue", "volumeValue",
    };

    /// <summary>
    /// Writes the record's text as is rather than as \uXXXX escapes: the JSON is what staff inspect and what
    /// type-error messages quote, which must read the same as for a JSON import of the same value.
    /// </summary>
    private static readonly JsonSerializerOptions RecordJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Every column the format knows, for the header check. Lists use '|' between items.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "registryId", "ocopCode", "name", "nameEn", "producerName", "producerType", "producerProvince", "producerCommune",
        "group", "groupCode", "productSet", "subgroup", "stars", "decisionNumber", "issuedOn", "expiresOn", "issuedBy",
        "certificateStatus", "revocationDecisionNumber", "revokedOn", "revocationIssuedBy", "revocationReason", "gtin",
        "unit", "netWeightValue", "netWeightUnit", "volumeValue", "volumeUnit", "priceVnd", "stock", "images",
        "description", "shelfLifeDays", "standards", "traceabilityCode", "traceabilityUrl",
    ];

    public static async IAsyncEnumerable<RegistryRecord> ReadAsync(
        Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => args.Header.Trim(),
            DetectDelimiter = false,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
        };
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        using var csv = new CsvReader(reader, config);
        string[] header;
        try
        {
            if (!await csv.ReadAsync() || !csv.ReadHeader() || csv.HeaderRecord is null)
            {
                throw new RegistryFileException("The CSV file is empty: expected a header row (see docs/import-format.md).");
            }

            header = csv.HeaderRecord;
        }
        catch (CsvHelperException ex)
        {
            throw new RegistryFileException($"The CSV header cannot be read: {ex.Message}", ex);
        }

        var unknown = header.Where(h => !Columns.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        if (!header.Contains("registryId", StringComparer.OrdinalIgnoreCase) || unknown.Count > 0)
        {
            throw new RegistryFileException(
                $"The CSV header is not the import format: {(unknown.Count > 0 ? "unknown column(s) " + string.Join(", ", unknown) : "no registryId column")}. See docs/import-format.md.");
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool more;
            try
            {
                more = await csv.ReadAsync();
            }
            catch (CsvHelperException ex)
            {
                throw new RegistryFileException($"The CSV file is malformed at row {csv.Parser.Row}: {ex.Message}", ex);
            }

            if (!more)
            {
                yield break;
            }

            var cells = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length; i++)
            {
                var value = csv.GetField(i);
                if (!string.IsNullOrEmpty(value))
                {
                    cells[header[i]] = value;
                }
            }

            using var document = JsonDocument.Parse(ToRecord(cells).ToJsonString(RecordJson));
            yield return RegistryRecordReader.Read(document.RootElement.Clone());
        }
    }

    private static JsonObject ToRecord(Dictionary<string, string> c)
    {
        var record = new JsonObject();
        Put(record, "registryId", c, "registryId");
        Put(record, "ocopCode", c, "ocopCode");
        Put(record, "name", c, "name");
        Put(record, "nameEn", c, "nameEn");
        record["producer"] = Object(c, ("name", "producerName"), ("type", "producerType"), ("province", "producerProvince"), ("commune", "producerCommune"));
        Put(record, "group", c, "group");
        Put(record, "groupCode", c, "groupCode");
        Put(record, "productSet", c, "productSet");
        Put(record, "subgroup", c, "subgroup");
        Put(record, "stars", c, "stars");
        var certificate = Object(c, ("decisionNumber", "decisionNumber"), ("issuedOn", "issuedOn"), ("expiresOn", "expiresOn"), ("issuedBy", "issuedBy"), ("status", "certificateStatus"));
        var revocation = Object(c, ("decisionNumber", "revocationDecisionNumber"), ("revokedOn", "revokedOn"), ("issuedBy", "revocationIssuedBy"), ("reason", "revocationReason"));
        if (revocation is not null)
        {
            certificate ??= [];
            certificate["revocation"] = revocation;
        }

        record["certificate"] = certificate;
        Put(record, "gtin", c, "gtin");
        Put(record, "unit", c, "unit");
        record["netWeight"] = Object(c, ("value", "netWeightValue"), ("unit", "netWeightUnit"));
        record["volume"] = Object(c, ("value", "volumeValue"), ("unit", "volumeUnit"));
        Put(record, "priceVnd", c, "priceVnd");
        Put(record, "stock", c, "stock");
        record["images"] = List(c, "images");
        Put(record, "description", c, "description");
        Put(record, "shelfLifeDays", c, "shelfLifeDays");
        record["standards"] = List(c, "standards");
        record["traceability"] = Object(c, ("code", "traceabilityCode"), ("url", "traceabilityUrl"));
        return record;
    }

    private static void Put(JsonObject target, string name, Dictionary<string, string> cells, string column)
    {
        if (cells.TryGetValue(column, out var text))
        {
            target[name] = Value(column, text);
        }
    }

    private static JsonObject? Object(Dictionary<string, string> cells, params (string Name, string Column)[] fields)
    {
        JsonObject? result = null;
        foreach (var (name, column) in fields)
        {
            if (cells.TryGetValue(column, out var text))
            {
                result ??= [];
                result[name] = Value(column, text);
            }
        }

        return result;
    }

    private static JsonArray? List(Dictionary<string, string> cells, string column) =>
        cells.TryGetValue(column, out var text)
            ? new JsonArray([.. text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => (JsonNode?)JsonValue.Create(s))])
            : null;

    private static JsonNode Value(string column, string text)
    {
        if (NumberColumns.Contains(column)
            && decimal.TryParse(text, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }
}
