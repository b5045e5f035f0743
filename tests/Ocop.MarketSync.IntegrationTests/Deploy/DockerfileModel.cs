using System.Text;
using System.Text.RegularExpressions;

namespace Ocop.MarketSync.IntegrationTests.Deploy;

/// <summary>One instruction of a Dockerfile: its keyword, its leading <c>--flag=value</c> options and the rest.</summary>
public sealed record DockerInstruction(string Keyword, IReadOnlyDictionary<string, string> Flags, string Arguments, int Line)
{
    /// <summary>The arguments of an exec form (<c>["a", "b"]</c>), or null for the shell form.</summary>
    public IReadOnlyList<string>? ExecForm =>
        Arguments.StartsWith('[') ? System.Text.Json.JsonSerializer.Deserialize<string[]>(Arguments) : null;
}

/// <summary>A stage: from <c>FROM image [AS name]</c> to the next <c>FROM</c>.</summary>
public sealed record DockerStage(string Name, string Image, IReadOnlyList<DockerInstruction> Instructions);

/// <summary>
/// The Dockerfile as Docker's parser reads it: the escape character <c>\</c> continues a line, comment lines are
/// dropped (also inside a continued instruction), keywords are case-insensitive, and leading <c>--name=value</c>
/// options (<c>--mount</c>, <c>--from</c>, <c>--platform</c>, …) are split from the arguments. Enough of the
/// format for the replay; heredocs and a changed escape directive are refused rather than misread.
/// </summary>
public static partial class DockerfileModel
{
    public static IReadOnlyList<DockerStage> Parse(string text)
    {
        var stages = new List<(string Name, string Image, List<DockerInstruction> Instructions)>();
        foreach (var instruction in Instructions(text))
        {
            if (instruction.Keyword == "FROM")
            {
                var words = instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var name = words.Length == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase)
                    ? words[2]
                    : stages.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                stages.Add((name, words[0], []));
            }
            else if (stages.Count == 0)
            {
                if (instruction.Keyword != "ARG")
                {
                    throw new FormatException($"Line {instruction.Line}: {instruction.Keyword} before the first FROM.");
                }
            }
            else
            {
                stages[^1].Instructions.Add(instruction);
            }
        }

        return [.. stages.Select(s => new DockerStage(s.Name, s.Image, s.Instructions))];
    }

    private static IEnumerable<DockerInstruction> Instructions(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var current = new StringBuilder();
        var startLine = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith('#'))
            {
                if (i < 5 && EscapeDirective().IsMatch(trimmed) && !trimmed.Contains('\\', StringComparison.Ordinal))
                {
                    throw new FormatException("A changed escape character is not supported by the replay.");
                }

                continue;
            }

            if (current.Length == 0)
            {
                if (trimmed.Length == 0)
                {
                    continue;
                }

                startLine = i + 1;
            }

            if (trimmed.Contains("<<", StringComparison.Ordinal) && HeredocStart().IsMatch(trimmed))
            {
                throw new FormatException($"Line {i + 1}: heredocs are not supported by the replay.");
            }

            var end = line.TrimEnd();
            if (end.EndsWith('\\'))
            {
                current.Append(end[..^1]).Append(' ');
                continue;
            }

            current.Append(line);
            yield return Split(current.ToString().Trim(), startLine);
            current.Clear();
        }

        if (current.Length > 0)
        {
            yield return Split(current.ToString().Trim(), startLine);
        }
    }

    private static DockerInstruction Split(string instruction, int line)
    {
        var space = instruction.IndexOfAny([' ', '\t']);
        var keyword = (space < 0 ? instruction : instruction[..space]).ToUpperInvariant();
        var rest = space < 0 ? string.Empty : instruction[(space + 1)..].TrimStart();
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        while (rest.StartsWith("--", StringComparison.Ordinal))
        {
            var end = rest.IndexOfAny([' ', '\t']);
            var flag = end < 0 ? rest : rest[..end];
            var equals = flag.IndexOf('=', StringComparison.Ordinal);
            flags[equals < 0 ? flag[2..] : flag[2..equals]] = equals < 0 ? "true" : flag[(equals + 1)..];
            rest = end < 0 ? string.Empty : rest[end..].TrimStart();
        }

        return new DockerInstruction(keyword, flags, rest, line);
    }

    [GeneratedRegex(@"^#\s*escape\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EscapeDirective();

    [GeneratedRegex(@"<<-?[""']?[A-Za-z_]+[""']?\s*$")]
    private static partial Regex HeredocStart();
}
