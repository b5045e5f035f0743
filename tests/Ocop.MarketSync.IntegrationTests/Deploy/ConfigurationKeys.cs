using System.Reflection;
using System.Text.RegularExpressions;

namespace Ocop.MarketSync.IntegrationTests.Deploy;

/// <summary>
/// Whether a key that a deployment file sets (<c>Storage__Password_FILE</c>, <c>ReverseProxy__KnownNetworks__0</c>)
/// is configuration the application really reads: it must be documented in config/README.md's key tables and, where
/// an options class binds its section (<c>public const string SectionName</c>), that class must have the property.
/// A key renamed in the code or dropped from the documentation is reported with the reason.
/// </summary>
public sealed partial class ConfigurationKeys
{
    /// <summary>Host settings read by ASP.NET Core itself, not configuration keys of ours.</summary>
    private static readonly HashSet<string> HostSettings = new(StringComparer.Ordinal) { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" };

    private readonly List<Regex> _documented;
    private readonly Dictionary<string, Type> _options;

    public ConfigurationKeys(string repositoryRoot)
    {
        _documented = [.. Documented(File.ReadAllLines(Path.Combine(repositoryRoot, "config", "README.md"))).Select(Pattern)];
        _options = Directory.GetDirectories(Path.Combine(repositoryRoot, "src"))
            .Select(d => Assembly.Load(new AssemblyName(Path.GetFileName(d))))
            .SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Field: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true })
            .ToDictionary(x => (string)x.Field!.GetRawConstantValue()!, x => x.Type, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Null when the environment variable names a key the application reads, else why not.</summary>
    public string? Problem(string environmentVariable)
    {
        if (HostSettings.Contains(environmentVariable))
        {
            return null;
        }

        var key = environmentVariable.Replace("__", ":", StringComparison.Ordinal);
        // The secret-file convention (Worker/Hosting/SecretFiles.cs) addresses the key itself; so does an array index.
        key = key.EndsWith("_FILE", StringComparison.OrdinalIgnoreCase) ? key[..^"_FILE".Length] : key;
        if (!_documented.Any(p => p.IsMatch(key) || p.IsMatch(ArrayIndex().Replace(key, string.Empty))))
        {
            return $"{environmentVariable}: {key} is not a key documented in config/README.md";
        }

        var section = _options.Keys.Where(s => key.StartsWith(s + ":", StringComparison.OrdinalIgnoreCase)).MaxBy(s => s.Length);
        if (section is null)
        {
            return null; // Read directly (Logs:Format, DataProtection:Certificate:Path): documented is what can be checked.
        }

        var type = _options[section];
        foreach (var segment in key[(section.Length + 1)..].Split(':'))
        {
            if (Element(type) is { } element)
            {
                type = element; // A dictionary key or a list index.
                continue;
            }

            var property = type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is not null)
            {
                type = property.PropertyType;
            }
            else if (type.GetProperty("Items") is { } items && Element(items.PropertyType) is { } item)
            {
                type = item; // A class wrapping a dictionary (ChannelsOptions.Items) is bound by its keys.
            }
            else
            {
                return $"{environmentVariable}: {type.Name} (section {section}) has no property {segment}";
            }
        }

        return null;
    }

    /// <summary>The value type of a dictionary or the item type of a list; null for anything else (strings included).</summary>
    private static Type? Element(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        var generic = type.GetInterfaces().Append(type).Where(i => i.IsGenericType).ToList();
        return generic.FirstOrDefault(i => i.GetGenericTypeDefinition() == typeof(IDictionary<,>))?.GetGenericArguments()[1]
            ?? generic.FirstOrDefault(i => i.GetGenericTypeDefinition() == typeof(IList<>))?.GetGenericArguments()[0];
    }

    /// <summary>The keys in the first column of config/README.md's tables; "`A:B:C` / `D`" also means A:B:D.</summary>
    private static IEnumerable<string> Documented(IEnumerable<string> lines)
    {
        foreach (var line in lines.Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cell = line.Split('|')[1];
            string? prefix = null;
            foreach (Match code in CodeSpan().Matches(cell))
            {
                var key = code.Groups[1].Value;
                if (key.Contains(':', StringComparison.Ordinal) || prefix is null)
                {
                    prefix = key.Contains(':', StringComparison.Ordinal) ? key[..(key.LastIndexOf(':') + 1)] : string.Empty;
                    yield return key;
                }
                else
                {
                    yield return prefix + key;
                }
            }
        }
    }

    /// <summary>A documented key as a pattern: a segment such as <c>{id}</c> stands for any one segment.</summary>
    private static Regex Pattern(string documented) =>
        new("^" + string.Join(':', documented.Split(':').Select(s => s.StartsWith('{') && s.EndsWith('}') ? "[^:]+" : Regex.Escape(s))) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"(:\d+)+$")]
    private static partial Regex ArrayIndex();
}
