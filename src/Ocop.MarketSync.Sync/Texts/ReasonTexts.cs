using System.Globalization;
using System.Resources;

namespace Ocop.MarketSync.Sync.Texts;

/// <summary>
/// Plain-language messages for every issue and reason code (intake issues, why a listing is not on sale, held
/// prices): Vietnamese by default (Reasons.resx), English in Reasons.en.resx. Used by the console, the status API
/// (by the request's language) and the registry write-back (both languages). The code itself never changes.
/// </summary>
public static class ReasonTexts
{
    /// <summary>Vietnamese: the language of staff and producers, and of the neutral resources.</summary>
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static readonly ResourceManager Resources = new("Ocop.MarketSync.Sync.Texts.Reasons", typeof(ReasonTexts).Assembly);

    /// <summary>The message of <paramref name="code"/> in <paramref name="culture"/>, or null for a code without one.</summary>
    public static string? Find(string code, CultureInfo culture) => Resources.GetString(code, culture);

    /// <summary>The message, falling back to <paramref name="fallback"/> (the detailed English one) for an unknown code.</summary>
    public static string Message(string code, CultureInfo culture, string fallback) => Find(code, culture) ?? fallback;

    /// <summary>Picks Vietnamese or English from an Accept-Language style list ("en-US,en;q=0.9"); Vietnamese otherwise.</summary>
    public static CultureInfo FromAcceptLanguage(string? header)
    {
        foreach (var part in (header ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var tag = part.Split(';')[0].Trim();
            if (tag.StartsWith("vi", StringComparison.OrdinalIgnoreCase))
            {
                return Vietnamese;
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return English;
            }
        }

        return Vietnamese;
    }
}
