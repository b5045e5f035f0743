using System.Text;
using System.Text.RegularExpressions;

namespace Ocop.MarketSync.IntegrationTests.Deploy;

/// <summary>
/// The build context as Docker sends it: every file under the context directory except those <c>.dockerignore</c>
/// excludes. Docker's rules: a pattern is relative to the context root (a leading or trailing <c>/</c> changes
/// nothing), <c>*</c> and <c>?</c> stay within one path segment, <c>**</c> spans any number of them, a pattern
/// that matches a directory excludes everything below it, <c>!</c> re-includes, and the last matching line wins.
/// </summary>
public sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Exclude)> _rules = [];

    private DockerIgnore()
    {
    }

    public static DockerIgnore Read(string contextDirectory)
    {
        var ignore = new DockerIgnore();
        var file = Path.Combine(contextDirectory, ".dockerignore");
        if (!File.Exists(file))
        {
            return ignore;
        }

        foreach (var raw in File.ReadAllLines(file))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var exclude = !line.StartsWith('!');
            var pattern = (exclude ? line : line[1..].Trim()).Trim('/');
            if (pattern.StartsWith("./", StringComparison.Ordinal))
            {
                pattern = pattern[2..];
            }

            ignore._rules.Add((ToRegex(pattern), exclude));
        }

        return ignore;
    }

    /// <summary>Whether a context-relative path (with <c>/</c>) is left out of the context.</summary>
    public bool IsExcluded(string relativePath)
    {
        var excluded = false;
        foreach (var (pattern, exclude) in _rules)
        {
            // A pattern matching a parent directory matches the file too.
            if (SelfAndParents(relativePath).Any(pattern.IsMatch))
            {
                excluded = exclude;
            }
        }

        return excluded;
    }

    /// <summary>Every file of the context, context-relative with <c>/</c>, in ordinal order.</summary>
    public IReadOnlyList<string> ContextFiles(string contextDirectory) =>
    [
        .. Directory.EnumerateFiles(contextDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(contextDirectory, f).Replace('\\', '/'))
            .Where(f => !IsExcluded(f))
            .Order(StringComparer.Ordinal),
    ];

    private static IEnumerable<string> SelfAndParents(string path)
    {
        for (var current = path; current.Length > 0; current = current.Contains('/', StringComparison.Ordinal) ? current[..current.LastIndexOf('/')] : string.Empty)
        {
            yield return current;
        }
    }

    /// <summary>Go's filepath.Match syntax plus Docker's <c>**</c>, as an anchored regular expression.</summary>
    public static Regex ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "**/" matches zero or more whole directories; a trailing "**" matches anything.
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                regex.Append(slash ? "(.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                regex.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    '[' or ']' => c.ToString(),
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
