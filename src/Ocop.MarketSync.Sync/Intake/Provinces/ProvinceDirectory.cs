using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Ocop.MarketSync.Sync.Intake.Provinces;

/// <summary>
/// Maps province names, current or pre-2025, to the 34 current provinces (NQ 202/2025/QH15, QĐ 19/2025/QĐ-TTg).
/// Matching is by name, never by code: several merged provinces took a partner's old code (80 was Long An).
/// </summary>
public sealed class ProvinceDirectory
{
    private static readonly string[] Prefixes = ["tỉnh ", "thành phố ", "tp. ", "tp."];
    private readonly Dictionary<string, ProvinceMatch> _byKey = new(StringComparer.Ordinal);

    private ProvinceDirectory(JsonDocument document)
    {
        foreach (var province in document.RootElement.GetProperty("provinces").EnumerateArray())
        {
            var name = province.GetProperty("name").GetString()!;
            var code = province.GetProperty("code").GetString()!;
            var current = new ProvinceMatch(name, code, null);
            _byKey[Key(name)] = current;
            if (province.TryGetProperty("aliases", out var aliases))
            {
                foreach (var alias in aliases.EnumerateArray())
                {
                    _byKey.TryAdd(Key(alias.GetString()!), current);
                }
            }

            foreach (var former in province.GetProperty("formerProvinces").EnumerateArray())
            {
                var formerName = former.GetString()!;
                _byKey.TryAdd(Key(formerName), current with { FormerName = formerName });
            }
        }
    }

    /// <summary>All 34 current provinces.</summary>
    public IEnumerable<ProvinceMatch> Current => _byKey.Values.Where(p => p.FormerName is null).Distinct();

    /// <summary>Loads the list embedded in this assembly (a copy of shared/data/provinces-2025.json).</summary>
    public static ProvinceDirectory LoadEmbedded()
    {
        using var stream = typeof(ProvinceDirectory).Assembly.GetManifestResourceStream("provinces-2025.json")
            ?? throw new InvalidOperationException("The embedded resource provinces-2025.json is missing from the build.");
        using var document = JsonDocument.Parse(stream);
        return new ProvinceDirectory(document);
    }

    /// <summary>Resolves a province name as a registry or a label writes it; null when unknown.</summary>
    public ProvinceMatch? Resolve(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : _byKey.GetValueOrDefault(Key(text));

    /// <summary>NFC, lower case, single spaces, one kind of dash, and no "Tỉnh"/"Thành phố"/"TP" prefix.</summary>
    private static string Key(string text)
    {
        var key = text.Normalize(NormalizationForm.FormC).Trim().ToLower(CultureInfo.InvariantCulture);
        key = key.Replace('–', '-').Replace('—', '-');
        key = string.Join(' ', key.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Replace(" - ", "-", StringComparison.Ordinal);
        foreach (var prefix in Prefixes)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                key = key[prefix.Length..].TrimStart();
                break;
            }
        }

        if (key.StartsWith("tp ", StringComparison.Ordinal))
        {
            key = key[3..];
        }

        return key;
    }
}
