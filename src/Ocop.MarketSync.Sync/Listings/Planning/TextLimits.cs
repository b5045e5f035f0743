using System.Globalization;
using System.Text;

namespace Ocop.MarketSync.Sync.Listings.Planning;

/// <summary>
/// Cuts Vietnamese text to a marketplace's limits in characters and UTF-8 bytes: on a grapheme boundary (never
/// between a letter and its combining marks, never inside a surrogate pair), and on a word boundary when one is
/// close enough. Text is NFC first, so "à" counts once, as the marketplace will count it.
/// </summary>
public static class TextLimits
{
    public static bool Fits(string text, int maxChars, int maxBytes) =>
        text.Length <= maxChars && Encoding.UTF8.GetByteCount(text) <= maxBytes;

    /// <param name="minWordShare">Cut at the last space only if that keeps at least this share of what fits.</param>
    public static string Cut(string text, int maxChars, int maxBytes, double minWordShare = 0.6)
    {
        text = text.Normalize(NormalizationForm.FormC);
        if (Fits(text, maxChars, maxBytes))
        {
            return text;
        }

        var kept = new StringBuilder();
        var bytes = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var elementBytes = Encoding.UTF8.GetByteCount(element);
            if (kept.Length + element.Length > maxChars || bytes + elementBytes > maxBytes)
            {
                break;
            }

            kept.Append(element);
            bytes += elementBytes;
        }

        var cut = kept.ToString();
        var lastSpace = cut.LastIndexOf(' ');
        if (lastSpace > 0 && lastSpace >= cut.Length * minWordShare)
        {
            cut = cut[..lastSpace];
        }

        return cut.TrimEnd(' ', ',', ';', ':', '-', '–', '—', '(', '/');
    }
}
