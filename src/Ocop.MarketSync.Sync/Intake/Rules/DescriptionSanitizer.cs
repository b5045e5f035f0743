using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace Ocop.MarketSync.Sync.Intake.Rules;

/// <summary>
/// Cleans producer descriptions with HtmlSanitizer (a real HTML5 parser, not regexes) down to a small set of
/// formatting tags, and derives the plain text that marketplaces without HTML support receive.
/// </summary>
public sealed class DescriptionSanitizer
{
    private static readonly string[] AllowedTags = ["p", "div", "br", "ul", "ol", "li", "b", "strong", "i", "em", "u"];
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase) { "P", "LI", "UL", "OL", "DIV" };

    /// <summary>
    /// Elements whose content is code or fallback, never text a reader sees: removed together with their content.
    /// (<see cref="HtmlSanitizer.KeepChildNodes"/> keeps the words of other removed elements, e.g. a link's text.)
    /// </summary>
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "SCRIPT", "STYLE", "TEMPLATE", "IFRAME", "NOSCRIPT", "NOEMBED", "NOFRAMES",
    };

    private readonly HtmlParser _parser = new();

    public SanitizedDescription Sanitize(string html)
    {
        // A new sanitizer per call: its removal events carry per-call state, and construction is cheap.
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        sanitizer.AllowedTags.UnionWith(AllowedTags);
        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.KeepChildNodes = true;
        var removed = new SortedSet<string>(StringComparer.Ordinal);
        sanitizer.RemovingTag += (_, e) =>
        {
            removed.Add("<" + e.Tag.NodeName.ToLowerInvariant() + ">");
            if (DroppedWithContent.Contains(e.Tag.NodeName))
            {
                // Emptied first, so the sanitizer has no child nodes left to keep.
                e.Tag.TextContent = string.Empty;
            }
        };
        sanitizer.RemovingAttribute += (_, e) => removed.Add(e.Attribute.Name.ToLowerInvariant() + " attribute");
        sanitizer.RemovingComment += (_, _) => removed.Add("comment");

        var clean = sanitizer.Sanitize(html).Trim();
        return new SanitizedDescription(clean, ToPlainText(clean), [.. removed]);
    }

    /// <summary>
    /// A one-line field (a product name) as plain text: tags removed (with the content of scripts and styles), entities
    /// decoded, whitespace collapsed. Text without markup comes back unchanged (an "&amp;" or "&lt;3" in a name is text).
    /// </summary>
    public string ToPlainLine(string text)
    {
        if (text.IndexOf('<', StringComparison.Ordinal) < 0 && text.IndexOf('&', StringComparison.Ordinal) < 0)
        {
            return text;
        }

        var document = _parser.ParseDocument("<body>" + text + "</body>");
        foreach (var dropped in document.Body!.QuerySelectorAll("script, style, template, iframe, noscript, noembed, noframes"))
        {
            dropped.Remove();
        }

        return string.Join(' ', document.Body.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Text content with paragraphs and line breaks kept as newlines and runs of spaces collapsed.</summary>
    private string ToPlainText(string html)
    {
        var document = _parser.ParseDocument("<body>" + html + "</body>");
        var text = new StringBuilder();
        Append(document.Body!, text);
        var lines = text.ToString()
            .Split('\n')
            .Select(line => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(line => line.Length > 0);
        return string.Join('\n', lines);
    }

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data);
                    break;
                case IElement { NodeName: "BR" }:
                    text.Append('\n');
                    break;
                case IElement e:
                    if (BlockTags.Contains(e.NodeName))
                    {
                        text.Append('\n');
                    }

                    Append(e, text);
                    if (BlockTags.Contains(e.NodeName))
                    {
                        text.Append('\n');
                    }

                    break;
            }
        }
    }
}

/// <param name="Html">Safe HTML: only formatting tags, no attributes, scripts or links.</param>
/// <param name="Text">Plain text for marketplaces that take no HTML.</param>
/// <param name="Removed">What the sanitiser removed (e.g. <c>&lt;script&gt;</c>, <c>onerror attribute</c>).</param>
public sealed record SanitizedDescription(string Html, string Text, IReadOnlyList<string> Removed);
